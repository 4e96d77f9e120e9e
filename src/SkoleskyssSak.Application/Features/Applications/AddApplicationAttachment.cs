using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>Step 6: adds one attachment to the applicant's draft (AttachmentPolicy: PDF/JPEG/PNG by content, 10 MB, 5 files).</summary>
public sealed record AddApplicationAttachmentCommand(Guid CaseId, string ApplicantPseudonym, UploadedFile? File) : ICommand<CommandResult>;

public sealed class AddApplicationAttachmentHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock, IPdfBundler pdfs)
    : ICommandHandler<AddApplicationAttachmentCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(AddApplicationAttachmentCommand command, CancellationToken cancellationToken)
    {
        if (await CaseAccess.DraftOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (await CaseAttachments.CheckPdfsAsync(pdfs, [command.File], _ => "File", cancellationToken) is { } damaged)
        {
            return new Failure.Invalid(damaged);
        }

        var attached = await db.Documents.CountAsync(d => d.CaseId == command.CaseId && d.Kind == CaseDocumentKind.ApplicationAttachment, cancellationToken);
        var stored = CaseAttachments.TryStore(db, command.CaseId, CaseDocumentKind.ApplicationAttachment, command.File, attached, command.ApplicantPseudonym, clock.GetUtcNow(), "File");
        if (stored.Errors is { } errors)
        {
            return new Failure.Invalid(errors);
        }

        audit.Record("AttachmentAdded", CaseAccess.AuditObjectType, $"{command.CaseId}:{stored.Document!.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }
}
