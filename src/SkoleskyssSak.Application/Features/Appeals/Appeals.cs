using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>A guardian who is a party appeals the latest decision from "Mine saker" (fvl. § 32: in writing, what and why).</summary>
public sealed record AppealDecisionCommand(Guid CaseId, string PartyPseudonym, string? Text, IReadOnlyList<UploadedFile> Files);

/// <summary>A caseworker registers an appeal that came on paper or by e-mail, with the dates that decide whether it is late.</summary>
/// <param name="NoticeReceivedOn">
/// When the decision reached the party. Left out, the deadline is counted from the day the letter was made available to
/// the guardians in Mine saker (digital notice: the day it was issued, when it was put there and they were told).
/// </param>
/// <param name="PostedOn">The postmark of a paper appeal, if known (fvl. § 30: posted in time is in time).</param>
public sealed record RegisterAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, AppealChannel Channel, DateOnly ReceivedOn, DateOnly? PostedOn, DateOnly? NoticeReceivedOn, string? Text, UploadedFile? ScannedLetter);

/// <summary>
/// The municipality starts its review of the appeal as first instance (fvl. § 33). A late appeal is reviewed only when
/// the caseworker says why it is considered anyway (fvl. § 31); the reason is recorded on the appeal and the event.
/// </summary>
public sealed record ConsiderAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? LateReason);

/// <summary>The appeals of a case and the deadline for appealing its latest decision, for a party or a caseworker of its municipality.</summary>
public sealed record GetAppealStatusQuery(Guid CaseId, string? PartyPseudonym, string? MunicipalityNumber);

/// <param name="Text">What the appeal says (or the caseworker's summary of a paper appeal); empty when only a scan came.</param>
/// <param name="WithdrawnAt">When the appellant withdrew it (issue 11); null while it stands.</param>
public sealed record AppealView(Guid AppealId, AppealChannel Channel, DateOnly ReceivedOn, DateOnly? PostedOn, DateOnly NoticeReceivedOn, DateOnly Deadline, bool IsLate, LateAppealHandling? LateHandling, string Text = "", DateTimeOffset? WithdrawnAt = null);

/// <param name="Deadline">The deadline for appealing the latest issued decision (notice = the day it was issued), or null.</param>
/// <param name="CanAppeal">The case stands decided, so a new appeal can be received now.</param>
/// <param name="OpenForwarding">The appeal body that has the case now, and the deadline for comments to the forwarding letter.</param>
/// <param name="DeadlinePassed">Today (Norwegian date) is after <paramref name="Deadline"/>: an appeal now is late (fvl. § 31).</param>
/// <param name="CanWithdraw">The latest appeal is pending and not withdrawn, and the state machine lets a guardian withdraw it (issue 11).</param>
public sealed record AppealStatus(DateOnly? Deadline, bool CanAppeal, IReadOnlyList<AppealView> Appeals, OpenForwardingView? OpenForwarding = null, bool DeadlinePassed = false, bool CanWithdraw = false);

public sealed record OpenForwardingView(string BodyName, DateOnly CommentDeadline);

public sealed class GetAppealStatusHandler(IApplicationDbContext db, TimeProvider clock)
{
    public async Task<AppealStatus?> HandleAsync(GetAppealStatusQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken);
        var allowed = @case is not null && (query.MunicipalityNumber is not null
            ? @case.MunicipalityNumber == query.MunicipalityNumber
            : await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken));
        if (!allowed)
        {
            return null;
        }

        var latest = await AppealFiling.LatestIssuedAsync(db, query.CaseId, cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.CaseId == query.CaseId).OrderBy(a => a.RegisteredAt)
            .Select(a => new AppealView(a.Id, a.Channel, a.ReceivedOn, a.PostedOn, a.NoticeReceivedOn, a.Deadline, a.IsLate, a.LateHandling, a.Text, a.WithdrawnAt))
            .ToListAsync(cancellationToken);
        var deadline = latest?.IssuedAt is { } issued ? Domain.Deadlines.AppealDeadline.From(NorwegianTime.Today(issued)) : (DateOnly?)null;
        var open = @case!.State != CaseState.ForwardedToAppealBody ? null : await db.AppealForwardings.AsNoTracking()
            .Where(f => f.CaseId == query.CaseId && f.Outcome == null)
            .Join(db.AppealBodies, f => f.BodyCode, b => b.Code, (f, b) => new OpenForwardingView(b.Name, f.CommentDeadline))
            .FirstOrDefaultAsync(cancellationToken);
        var canWithdraw = appeals.Count > 0 && appeals[^1].WithdrawnAt is null && @case.PermittedTriggers(CaseActorRole.Guardian).Contains(CaseTrigger.WithdrawAppeal);
        return new AppealStatus(deadline, @case.State == CaseState.Decided && latest is not null, appeals, open, NorwegianTime.Today(clock.GetUtcNow()) > deadline, canWithdraw);
    }
}

public sealed class AppealDecisionHandler(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, TimeProvider clock, IPdfBundler pdfs)
{
    public async Task<ApplicationResult> HandleAsync(AppealDecisionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new ApplicationResult.NotFound();
        }

        var text = command.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Text), "AppealTextRequired");
        }

        var now = clock.GetUtcNow();
        var filing = new AppealFiling(db, outbox, links, audit, letters, pdf, pdfs);
        return await filing.FileAsync(
            command.CaseId,
            new CaseActor(command.PartyPseudonym, CaseActorRole.Guardian),
            decision => Appeal.Register(Guid.CreateVersion7(now), command.CaseId, decision.Id, AppealChannel.Online, text, NorwegianTime.Today(now), null, NorwegianTime.Today(decision.IssuedAt!.Value), command.PartyPseudonym, now),
            text,
            command.Files ?? [],
            now,
            cancellationToken);
    }
}

public sealed class RegisterAppealHandler(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, TimeProvider clock, IPdfBundler pdfs)
{
    public async Task<ApplicationResult> HandleAsync(RegisterAppealCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await db.Cases.AnyAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken))
        {
            return new ApplicationResult.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var text = command.Text?.Trim() ?? string.Empty;
        if (text.Length == 0 && command.ScannedLetter is null)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Text), "AppealPaperRequired");
        }

        if (command.ReceivedOn > today || command.ReceivedOn.Year < 2000)
        {
            return ApplicationResult.Invalid.Text(nameof(command.ReceivedOn), "AppealDateInvalid");
        }

        if (command.Channel == AppealChannel.Online || !Enum.IsDefined(command.Channel))
        {
            return ApplicationResult.Invalid.Text(nameof(command.Channel), "AppealDateInvalid");
        }

        var filing = new AppealFiling(db, outbox, links, audit, letters, pdf, pdfs);
        return await filing.FileAsync(
            command.CaseId,
            new CaseActor(command.StaffUserId, CaseActorRole.Caseworker),
            decision =>
            {
                var notice = command.NoticeReceivedOn ?? NorwegianTime.Today(decision.IssuedAt!.Value);
                return notice > command.ReceivedOn || command.PostedOn > command.ReceivedOn
                    ? null
                    : Appeal.Register(Guid.CreateVersion7(now), command.CaseId, decision.Id, command.Channel, text, command.ReceivedOn, command.PostedOn, notice, command.StaffUserId, now);
            },
            text,
            command.ScannedLetter is null ? [] : [command.ScannedLetter],
            now,
            cancellationToken);
    }
}

public sealed class ConsiderAppealHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(ConsiderAppealCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var @case = await db.Cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new ApplicationResult.NotFound();
        }

        var appeal = await db.Appeals.Where(a => a.CaseId == command.CaseId).OrderByDescending(a => a.RegisteredAt).FirstOrDefaultAsync(cancellationToken);
        if (appeal is null || @case.State != CaseState.AppealReceived)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        string? reason = null;
        if (appeal.IsLate)
        {
            if (string.IsNullOrWhiteSpace(command.LateReason))
            {
                return ApplicationResult.Invalid.Text(nameof(command.LateReason), "AppealLateReasonRequired");
            }

            // fvl. § 31 third paragraph: more than one year after the decision was made, no appeal can be considered.
            var decisionMadeOn = await db.Decisions.Where(d => d.Id == appeal.DecisionId).Select(d => d.IssuedAt).SingleAsync(cancellationToken);
            if (decisionMadeOn is null || !appeal.MayBeConsideredAnyway(NorwegianTime.Today(decisionMadeOn.Value)))
            {
                return new ApplicationResult.Refused(CaseTexts.Get("AppealBeyondOneYearLimit"));
            }

            reason = "fvl. § 31: " + command.LateReason.Trim();
        }

        // The state machine first: a refused step must leave the appeal as it was.
        var moved = @case.Apply(CaseTrigger.StartFirstInstanceReview, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow(), reason);
        if (!moved.Succeeded)
        {
            return new ApplicationResult.Refused(moved.Reason!);
        }

        if (appeal.IsLate)
        {
            appeal.TryRecordLateHandling(LateAppealHandling.ConsideredAnyway, command.LateReason!);
        }

        audit.Record("AppealReviewStarted", CaseAccess.AuditObjectType, @case.Id.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, @case.Id, cancellationToken);
    }
}

/// <summary>
/// Files an appeal, whoever registers it: the case moves to AppealReceived, the appeal text (confidential: it may describe
/// the child's health) and files are stored and journaled as incoming, the guardians get a receipt, and it is audited.
/// </summary>
internal sealed class AppealFiling(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, IPdfBundler pdfs)
{
    public static Task<Decision?> LatestIssuedAsync(IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Decisions.AsNoTracking().Where(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued).OrderByDescending(d => d.IssuedAt).FirstOrDefaultAsync(cancellationToken);

    /// <param name="register">The appeal for the decision appealed against, or null when its dates do not fit together.</param>
    public async Task<ApplicationResult> FileAsync(Guid caseId, CaseActor actor, Func<Decision, Appeal?> register, string text, IReadOnlyList<UploadedFile> files, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (text.Length > Appeal.MaxTextLength)
        {
            return ApplicationResult.Invalid.Text("Text", "AppealTextTooLong");
        }

        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        var decision = await LatestIssuedAsync(db, caseId, cancellationToken);
        if (decision is null || @case.State != CaseState.Decided)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        if (register(decision) is not { } appeal)
        {
            return ApplicationResult.Invalid.Text("NoticeReceivedOn", "AppealDatesInconsistent");
        }

        if (await CaseAttachments.CheckPdfsAsync(pdfs, files, i => $"Files[{i}]", cancellationToken) is { } damaged)
        {
            return new ApplicationResult.Invalid(damaged);
        }

        var (stored, errors) = CaseAttachments.TryStoreAll(db, caseId, CaseDocumentKind.Appeal, files, actor.Id, now, i => $"Files[{i}]");
        if (errors is not null)
        {
            return new ApplicationResult.Invalid(errors);
        }

        var moved = @case.Apply(CaseTrigger.ReceiveAppeal, actor, now, appeal.IsLate ? $"Klagen kom etter fristen {appeal.Deadline:dd.MM.yyyy}" : null);
        if (!moved.Succeeded)
        {
            return new ApplicationResult.Refused(moved.Reason!);
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
        return await ApplicationAccess.SaveOrConflictAsync(db, caseId, cancellationToken);
    }
}
