using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// Files an appeal, whoever registers it (SubmitAppeal, RegisterAppeal): the case moves to AppealReceived, the appeal
/// text (confidential: it may describe the child's health) and files are stored and journaled as incoming, the guardians
/// get a receipt, and it is audited — in the command's unit of work.
/// </summary>
internal sealed class AppealFiling(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, IPdfBundler pdfs)
{
    /// <summary>The case's latest issued decision: the one an appeal is against.</summary>
    public static Task<Decision?> LatestIssuedAsync(IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Decisions.AsNoTracking().Where(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued).OrderByDescending(d => d.IssuedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The case's latest appeal, or null.</summary>
    public static Task<Appeal?> LatestAppealAsync(IApplicationDbContext db, Guid caseId, bool tracking, CancellationToken cancellationToken) =>
        (tracking ? db.Appeals : db.Appeals.AsNoTracking()).Where(a => a.CaseId == caseId).OrderByDescending(a => a.RegisteredAt).FirstOrDefaultAsync(cancellationToken);

    /// <param name="register">The appeal for the decision appealed against, or null when its dates do not fit together.</param>
    public async Task<CommandResult> FileAsync(Guid caseId, CaseActor actor, Func<Decision, Appeal?> register, string text, IReadOnlyList<UploadedFile> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        var decision = await LatestIssuedAsync(db, caseId, cancellationToken);
        if (decision is null || @case.State != CaseState.Decided)
        {
            return new Failure.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        if (register(decision) is not { } appeal)
        {
            return Failure.Invalid.Field("NoticeReceivedOn", CaseTexts.Get("AppealDatesInconsistent"));
        }

        if (await CaseAttachments.CheckPdfsAsync(pdfs, files, i => $"Files[{i}]", cancellationToken) is { } damaged)
        {
            return new Failure.Invalid(damaged);
        }

        var (stored, errors) = CaseAttachments.TryStoreAll(db, caseId, CaseDocumentKind.Appeal, files, actor.Id, now, i => $"Files[{i}]");
        if (errors is not null)
        {
            return new Failure.Invalid(errors);
        }

        var moved = @case.Apply(CaseTrigger.ReceiveAppeal, actor, now, appeal.IsLate ? $"Klagen kom etter fristen {appeal.Deadline:dd.MM.yyyy}" : null);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        db.Appeals.Add(appeal);
        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == caseId, cancellationToken)).Content;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var language = municipality.LanguageForm;
        var today = NorwegianTime.Today(now);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(today);
        var title = CaseTexts.Format("AppealJournalTitle", language, year, year + 1);
        if (text.Length > 0)
        {
            // The appeal as a document (issue 11): the text as a tagged PDF listing its attachments, not a text file.
            var school = @case.SchoolId is { } schoolId ? await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;
            var composed = AppealDocuments.ComposeAppeal(municipality, school, @case.CaseNumber!, form, appeal, NorwegianTime.Today(decision.IssuedAt!.Value), stored.Select(d => d.FileName).ToList());
            var (document, content) = await AppealDocuments.PrintAsync(letters, pdf, composed, caseId, @case.CaseNumber!, CaseDocumentKind.Appeal, CaseTexts.Get("AppealFileName", language), confidential: true, actor.Id, now, cancellationToken);
            db.Documents.Add(document);
            db.DocumentContents.Add(content);
            db.JournalEntries.Add(CaseJournal.Entry(caseId, JournalEntryKind.Incoming, [title], title, form, today, now, document.Id, confidential: true));
        }

        foreach (var document in stored)
        {
            db.JournalEntries.Add(CaseJournal.Entry(caseId, JournalEntryKind.Incoming, [title], CaseJournal.Limit($"{title} – {document.FileName}"), form, today, now, document.Id, document.Confidential));
        }

        var subject = CaseTexts.Format("AppealReceiptSubject", language, @case.CaseNumber);
        var body = CaseTexts.Format("AppealReceiptBody", language, municipality.Name + " kommune", @case.CaseNumber, links.MyCase(caseId));
        foreach (var recipient in form.GuardianEmails())
        {
            outbox.Enqueue(new Notification(recipient, subject, body, "AppealReceived", caseId));
        }

        audit.Record("AppealReceived", CaseAccess.AuditObjectType, caseId.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }
}
