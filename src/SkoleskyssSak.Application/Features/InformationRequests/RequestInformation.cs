using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
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
public sealed record RequestInformationCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? Question, DateOnly ReplyBy);

public sealed class RequestInformationHandler(IApplicationDbContext db, INotificationOutbox outbox, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The longest reply deadline the form accepts.</summary>
    public const int MaxReplyDays = 90;

    public async Task<ApplicationResult> HandleAsync(RequestInformationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var @case = await db.Cases.Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new ApplicationResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var question = command.Question?.Trim() ?? string.Empty;
        var errors = new Dictionary<string, string[]>();
        if (question.Length == 0)
        {
            errors[nameof(command.Question)] = [CaseTexts.Get("InformationQuestionRequired")];
        }
        else if (question.Length > InformationRequest.MaxTextLength)
        {
            errors[nameof(command.Question)] = [CaseTexts.Get("InformationTextTooLong")];
        }

        if (command.ReplyBy < today || command.ReplyBy > today.AddDays(MaxReplyDays))
        {
            errors[nameof(command.ReplyBy)] = [CaseTexts.Get("InformationReplyByInvalid")];
        }

        if (errors.Count > 0)
        {
            return new ApplicationResult.Invalid(errors);
        }

        var deadline = command.ReplyBy.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var moved = @case.Apply(CaseTrigger.RequestInformation, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, $"Svarfrist {deadline}");
        if (!moved.Succeeded)
        {
            return new ApplicationResult.Refused(moved.Reason!);
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
        return await ApplicationAccess.SaveOrConflictAsync(db, @case.Id, cancellationToken);
    }
}
