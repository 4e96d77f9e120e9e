using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.InformationRequests;

/// <summary>
/// A caseworker asks the guardians for more information (fvl. § 17) with a reply deadline: the case waits
/// (AwaitingInformation), the request is a document the parties read in "Mine saker", journaled as outgoing, and every
/// guardian with an e-mail address is told to log in (the e-mail holds no question text: it may be personal).
/// </summary>
/// <param name="MunicipalityNumber">The caseworker's municipality (from the sign-in); another municipality's case is not found.</param>
/// <param name="ReplyBy">The reply deadline; <see cref="DateOnly.MinValue"/> when the form held no date (the validator's message).</param>
public sealed record RequestInformationCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? Question, DateOnly ReplyBy) : ICommand<CommandResult>;

/// <summary>A question (at most <see cref="InformationRequest.MaxTextLength"/> characters) and a deadline from today to <see cref="MaxReplyDays"/> days ahead.</summary>
public sealed class RequestInformationValidator : AbstractValidator<RequestInformationCommand>
{
    /// <summary>The longest reply deadline the form accepts.</summary>
    public const int MaxReplyDays = 90;

    public RequestInformationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage(_ => CaseTexts.Get("InformationQuestionRequired"));
        RuleFor(c => c.Question).Must(q => q is null || q.Trim().Length <= InformationRequest.MaxTextLength).WithMessage(_ => CaseTexts.Get("InformationTextTooLong"));
        RuleFor(c => c.ReplyBy)
            .Must(replyBy => NorwegianTime.Today(clock.GetUtcNow()) is var today && replyBy >= today && replyBy <= today.AddDays(MaxReplyDays))
            .WithMessage(_ => CaseTexts.Get("InformationReplyByInvalid"));
    }
}

public sealed class RequestInformationHandler(IApplicationDbContext db, INotificationOutbox outbox, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RequestInformationCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(RequestInformationCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new Failure.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var question = command.Question!.Trim();

        var deadline = command.ReplyBy.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var moved = @case.Apply(CaseTrigger.RequestInformation, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, $"Svarfrist {deadline}");
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        var request = InformationRequest.Create(Guid.CreateVersion7(now), @case.Id, question, command.ReplyBy, command.StaffUserId, now);
        db.InformationRequests.Add(request);

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == @case.Id, cancellationToken)).Content;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var language = municipality.LanguageForm;
        var (document, content) = CaseDocument.ProducedText(
            Guid.CreateVersion7(now),
            @case.Id,
            CaseDocumentKind.InformationRequest,
            CaseTexts.Get("InformationRequestFileName", language),
            CaseTexts.Format("InformationRequestDocument", language, @case.CaseNumber, question, deadline),
            confidential: false,
            command.StaffUserId,
            now);
        db.Documents.Add(document);
        db.DocumentContents.Add(content);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(today);
        var title = CaseTexts.Format("InformationRequestJournalTitle", language, year, year + 1);
        db.JournalEntries.Add(CaseJournal.Entry(@case.Id, JournalEntryKind.Outgoing, [title], title, form, today, now, document.Id));

        var subject = CaseTexts.Format("InformationRequestSubject", language, @case.CaseNumber);
        var body = CaseTexts.Format("InformationRequestBody", language, municipality.Name + " kommune", @case.CaseNumber, deadline);
        foreach (var recipient in form.GuardianEmails())
        {
            outbox.Enqueue(new Notification(recipient, subject, body, "InformationRequested", @case.Id));
        }

        audit.Record("InformationRequested", CaseAccess.AuditObjectType, @case.Id.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }
}
