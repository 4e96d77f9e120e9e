using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// A guardian who is a party comments on the forwarding letter (fvl. § 33 fourth paragraph) from "Mine saker" while the
/// appeal body has the case; the comments and files go into the case file the body reads. Comments after the deadline
/// are still received (the body decides what weight to give them).
/// </summary>
public sealed record CommentOnForwardingCommand(Guid CaseId, string PartyPseudonym, string? Text, IReadOnlyList<UploadedFile> Files) : ICommand<CommandResult>;

/// <summary>A comment has a text or a file, and a text no longer than a forwarding's.</summary>
public sealed class CommentOnForwardingValidator : AbstractValidator<CommentOnForwardingCommand>
{
    public CommentOnForwardingValidator()
    {
        RuleFor(c => c.Text)
            .Must((command, text) => !string.IsNullOrWhiteSpace(text) || command.Files.Count > 0).WithMessage(_ => CaseTexts.Get("InformationReplyEmpty"))
            .Must(text => (text?.Trim().Length ?? 0) <= AppealForwarding.MaxTextLength).WithMessage(_ => CaseTexts.Get("AppealTextTooLong"));
    }
}

public sealed class CommentOnForwardingHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock, IPdfBundler pdfs)
    : ICommandHandler<CommentOnForwardingCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(CommentOnForwardingCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        if (@case.State != CaseState.ForwardedToAppealBody || !await db.AppealForwardings.AnyAsync(f => f.CaseId == command.CaseId && f.Outcome == null, cancellationToken))
        {
            return new Failure.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        var text = command.Text?.Trim() ?? string.Empty;
        var files = command.Files;

        var now = clock.GetUtcNow();
        if (await CaseAttachments.CheckPdfsAsync(pdfs, files, i => $"Files[{i}]", cancellationToken) is { } damaged)
        {
            return new Failure.Invalid(damaged);
        }

        var (accepted, errors) = CaseAttachments.TryStoreAll(db, command.CaseId, CaseDocumentKind.Comment, files, command.PartyPseudonym, now, i => $"Files[{i}]");
        if (errors is not null)
        {
            return new Failure.Invalid(errors);
        }

        var stored = accepted.ToList();

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var today = NorwegianTime.Today(now);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(today);
        var title = CaseTexts.Format("CommentJournalTitle", language, year, year + 1);
        if (text.Length > 0)
        {
            var (document, content) = CaseDocument.ProducedText(Guid.CreateVersion7(now), command.CaseId, CaseDocumentKind.Comment, CaseTexts.Get("CommentFileName", language), text, confidential: true, command.PartyPseudonym, now);
            db.Documents.Add(document);
            db.DocumentContents.Add(content);
            stored.Insert(0, document);
        }

        foreach (var document in stored)
        {
            db.JournalEntries.Add(CaseJournal.Entry(command.CaseId, JournalEntryKind.Incoming, [title], CaseJournal.Limit($"{title} – {document.FileName}"), form, today, now, document.Id, document.Confidential));
        }

        audit.Record("ForwardingCommented", CaseAccess.AuditObjectType, command.CaseId.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }
}
