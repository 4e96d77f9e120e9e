using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>Removes an attachment from the applicant's draft; once sent, the attachments are journaled and stay.</summary>
public sealed record RemoveApplicationAttachmentCommand(Guid CaseId, Guid DocumentId, string ApplicantPseudonym) : ICommand<CommandResult>;

public sealed class RemoveApplicationAttachmentHandler(IApplicationDbContext db, IAuditTrail audit)
    : ICommandHandler<RemoveApplicationAttachmentCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(RemoveApplicationAttachmentCommand command, CancellationToken cancellationToken)
    {
        if (await CaseAccess.DraftOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, cancellationToken) is { } stop)
        {
            return stop;
        }

        var document = await db.Documents.SingleOrDefaultAsync(
            d => d.Id == command.DocumentId && d.CaseId == command.CaseId && d.Kind == CaseDocumentKind.ApplicationAttachment,
            cancellationToken);
        if (document is null)
        {
            return new Failure.NotFound();
        }

        // The bytes go with it (ON DELETE CASCADE): a draft's attachment was never journaled.
        db.Documents.Remove(document);
        audit.Record("AttachmentRemoved", CaseAccess.AuditObjectType, $"{command.CaseId}:{document.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }
}
