using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.InformationRequests;

/// <summary>
/// A guardian who is a party answers the open request for information from "Mine saker" with text and/or attachments
/// (AttachmentPolicy); the case returns to assessment (fvl. § 17). The reply and each file are journaled as incoming.
/// A reply after the deadline is still received: the deadline only tells when the caseworker may go on without it.
/// </summary>
public sealed record AnswerInformationRequestCommand(Guid CaseId, string PartyPseudonym, string? Answer, IReadOnlyList<UploadedFile> Files) : ICommand<CommandResult>;

/// <summary>A text or at least one file; the text at most <see cref="InformationRequest.MaxTextLength"/> characters. The files are checked by the handler (AttachmentPolicy).</summary>
public sealed class AnswerInformationRequestValidator : AbstractValidator<AnswerInformationRequestCommand>
{
    public AnswerInformationRequestValidator()
    {
        RuleFor(c => c.Answer).Must((command, answer) => !string.IsNullOrWhiteSpace(answer) || command.Files is { Count: > 0 })
            .WithMessage(_ => CaseTexts.Get("InformationReplyEmpty"));
        RuleFor(c => c.Answer).Must(answer => answer is null || answer.Trim().Length <= InformationRequest.MaxTextLength)
            .WithMessage(_ => CaseTexts.Get("InformationTextTooLong"));
    }
}

public sealed class AnswerInformationRequestHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock, IPdfBundler pdfs)
    : ICommandHandler<AnswerInformationRequestCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(AnswerInformationRequestCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        var request = await db.InformationRequests
            .Where(r => r.CaseId == command.CaseId && r.AnsweredAt == null)
            .OrderByDescending(r => r.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null || @case.State != CaseState.AwaitingInformation)
        {
            return new Failure.Refused(CaseTexts.Get("InformationNotOpen"));
        }

        var answer = command.Answer?.Trim() ?? string.Empty;
        var files = command.Files ?? [];
        var now = clock.GetUtcNow();
        if (await CaseAttachments.CheckPdfsAsync(pdfs, files, i => $"Files[{i}]", cancellationToken) is { } damaged)
        {
            return new Failure.Invalid(damaged);
        }

        var (stored, errors) = CaseAttachments.TryStoreAll(db, @case.Id, CaseDocumentKind.InformationReplyAttachment, files, command.PartyPseudonym, now, i => $"Files[{i}]");
        if (errors is not null)
        {
            return new Failure.Invalid(errors);
        }

        var moved = @case.Apply(CaseTrigger.InformationReceived, new CaseActor(command.PartyPseudonym, CaseActorRole.Guardian), now);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        request.TryAnswer(answer, command.PartyPseudonym, now);
        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == @case.Id, cancellationToken)).Content;
        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var today = NorwegianTime.Today(now);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(today);
        if (answer.Length > 0)
        {
            // The reply may describe the child's health: confidential like any attachment so marked (fvl. § 13).
            var (reply, content) = CaseDocument.ProducedText(
                Guid.CreateVersion7(now), @case.Id, CaseDocumentKind.InformationReply, CaseTexts.Get("InformationReplyFileName", language), answer, confidential: true, command.PartyPseudonym, now);
            db.Documents.Add(reply);
            db.DocumentContents.Add(content);
            var title = CaseTexts.Format("InformationReplyJournalTitle", language, year, year + 1);
            db.JournalEntries.Add(CaseJournal.Entry(@case.Id, JournalEntryKind.Incoming, [title], title, form, today, now, reply.Id, confidential: true));
        }

        CaseAttachments.Journal(db, stored, form, language, year, today, now);
        audit.Record("InformationAnswered", CaseAccess.AuditObjectType, @case.Id.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }
}
