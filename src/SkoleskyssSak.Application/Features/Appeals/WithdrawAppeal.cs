using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// A guardian who is a party withdraws the case's pending appeal from "Mine saker" (issue 11). The right of appeal is
/// the party's (fvl. § 28), so the appellant may end the appeal case while it is pending — AppealReceived,
/// FirstInstanceReview or ForwardedToAppealBody, as <see cref="CaseTransitions"/> says — and the decision appealed
/// against stands. A new appeal is possible only as a new appeal, within the deadline of fvl. § 29 (late: fvl. § 31).
/// </summary>
public sealed record WithdrawAppealCommand(Guid CaseId, string PartyPseudonym) : ICommand<CommandResult>;

/// <summary>
/// Withdraws the pending appeal in one unit of work: the case goes back to Decided by <see cref="CaseTrigger.WithdrawAppeal"/>
/// (a refused transition is returned as a message and changes nothing), the appeal records when, an open step at the
/// appeal body is closed as withdrawn (so the body can no longer decide on it) and its members are notified; the
/// withdrawal is journaled incoming from the party; a confirmation letter is printed, stored, journaled outgoing and
/// the guardians notified; the municipality's caseworker is told; and it is audited.
/// </summary>
public sealed class WithdrawAppealHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IStaffDirectory staff,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<WithdrawAppealCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(WithdrawAppealCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var municipalityNumber = await db.Cases.Where(c => c.Id == command.CaseId).Select(c => c.MunicipalityNumber).SingleAsync(cancellationToken);
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, municipalityNumber, tracking: true, cancellationToken);
        var appeal = context is null ? null : await AppealFiling.LatestAppealAsync(db, command.CaseId, tracking: true, cancellationToken);
        if (context is null || appeal is null || appeal.IsWithdrawn)
        {
            return new Failure.Refused(CaseTexts.Get("AppealWithdrawalNotPossible"));
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);

        // The state machine decides whether the appeal is still pending; its refusal comes back as the page's message.
        var forwarding = context.Case.State == CaseState.ForwardedToAppealBody
            ? await db.AppealForwardings.Where(f => f.CaseId == command.CaseId && f.Outcome == null).OrderByDescending(f => f.Step).FirstOrDefaultAsync(cancellationToken)
            : null;
        var moved = context.Case.Apply(CaseTrigger.WithdrawAppeal, new CaseActor(command.PartyPseudonym, CaseActorRole.Guardian), now);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(CaseTexts.Get("AppealWithdrawalNotPossible"));
        }

        if (!appeal.TryWithdraw(now))
        {
            return new Failure.Refused(CaseTexts.Get("AppealWithdrawalNotPossible"));
        }

        if (forwarding is not null && forwarding.Withdraw(command.PartyPseudonym, now) is { } refused)
        {
            // Loaded open just above: a refusal here is a broken invariant, and nothing of this request may be saved.
            throw new InvalidOperationException($"The open appeal step of the case could not be withdrawn: {refused}.");
        }

        var language = context.Language;
        var year = context.Form.Child!.SchoolYearStart;
        var caseNumber = context.Case.CaseNumber!;

        // From the party: the withdrawal is an incoming item of the case's journal.
        var incoming = CaseTexts.Format("AppealWithdrawalJournalTitle", language, year, year + 1);
        db.JournalEntries.Add(CaseJournal.Entry(context.Case.Id, JournalEntryKind.Incoming, [incoming], incoming, context.Form, today, now));

        // To the guardians: a letter confirming it, printed, stored, journaled outgoing and announced by e-mail.
        var decidedAt = await db.Decisions.AsNoTracking().Where(d => d.Id == appeal.DecisionId).Select(d => d.IssuedAt).SingleAsync(cancellationToken);
        var body = forwarding is null ? null : await db.AppealBodies.AsNoTracking().SingleAsync(b => b.Code == forwarding.BodyCode, cancellationToken);
        var letter = Letter(context, appeal, NorwegianTime.Today(decidedAt ?? appeal.RegisteredAt), body?.Name, today);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, letter, cancellationToken);
        var mail = (
            CaseTexts.Format("AppealWithdrawnMailSubject", language, caseNumber),
            CaseTexts.Format("AppealWithdrawnMailBody", language, context.MunicipalityName, caseNumber, links.MyCase(context.Case.Id)),
            "AppealWithdrawn");
        var fileName = CaseTexts.Format("AppealWithdrawalFileName", language, caseNumber.Year, caseNumber.Sequence);
        CaseLetterSending.Publish(db, outbox, context, bytes, fileName, CaseTexts.Format("AppealWithdrawalConfirmationJournalTitle", language, year, year + 1), mail, command.PartyPseudonym, now, CaseDocumentKind.AppealWithdrawalConfirmation);

        // The appeal body that had the case is told that it is no longer its to decide (no personal data in the e-mail).
        var date = today.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        if (body is not null)
        {
            var members = await staff.AppealBodyMembersOfAsync(body.Code, cancellationToken);
            Notify(members, CaseTexts.Format("AppealWithdrawnBodySubject", language, caseNumber, context.MunicipalityName), CaseTexts.Format("AppealWithdrawnBodyBody", language, caseNumber, context.MunicipalityName, date), "AppealWithdrawnAppealBody", context.Case.Id);
        }

        // The municipality too: the caseworker who has the case, or else every caseworker of the municipality.
        var caseworkers = await staff.CaseworkersOfAsync(context.Case.MunicipalityNumber, cancellationToken);
        var assigned = caseworkers.Where(c => c.Id == context.Case.AssignedTo).ToList();
        Notify(assigned.Count > 0 ? assigned : caseworkers, CaseTexts.Format("AppealWithdrawnStaffSubject", language, caseNumber), CaseTexts.Format("AppealWithdrawnStaffBody", language, caseNumber, date), "AppealWithdrawnMunicipality", context.Case.Id);

        audit.Record("AppealWithdrawn", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }

    private void Notify(IReadOnlyList<StaffMember> recipients, string subject, string body, string kind, Guid caseId)
    {
        foreach (var email in recipients.Select(m => m.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new Notification(email!, subject, body, kind, caseId));
        }
    }

    /// <summary>
    /// The confirmation: the appeal of its date against the decision of its date is withdrawn and the appeal case ended;
    /// the decision stands; the body that had it was told; and, as fvl. §§ 29 and 31 say, a new appeal must come within the
    /// deadline, and one after it can be considered only on the conditions of § 31.
    /// </summary>
    internal static Letter Letter(DecisionContext context, Appeal appeal, DateOnly decidedOn, string? bodyName, DateOnly today)
    {
        var language = context.Language;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        var stands = new List<string> { T("AppealWithdrawalLetterStands", context.Date(decidedOn)) };
        if (bodyName is not null)
        {
            stands.Add(T("AppealWithdrawalLetterBodyTold", bodyName));
        }

        var newAppeal = today > appeal.Deadline ? "AppealWithdrawalLetterNewAppealPassed" : "AppealWithdrawalLetterNewAppealOpen";
        var sections = new List<LetterSection>
        {
            new(T("AppealWithdrawalLetterHeading"), [T("AppealWithdrawalLetterText", context.Date(appeal.ReceivedOn), context.Date(decidedOn), context.Form.Child!.FirstName(), context.Date(today))]),
            new(T("AppealWithdrawalLetterStandsHeading"), stands),
            new(T("AppealWithdrawalLetterNewAppealHeading"), [T(newAppeal, context.Date(appeal.Deadline))]),
        };
        return CaseLetterFrame.Compose(context, today, T("AppealWithdrawalLetterTitle"), sections);
    }
}
