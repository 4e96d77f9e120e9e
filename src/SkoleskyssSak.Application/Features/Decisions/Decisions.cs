using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>The decision workspace of a case for a caseworker of its municipality.</summary>
public sealed record GetDecisionWorkspaceQuery(Guid CaseId, string MunicipalityNumber);

/// <param name="Draft">The draft being prepared, or null (the form then proposes <see cref="ProposedGrounds"/>).</param>
/// <param name="ProposedPeriods">The period the form proposes per granting outcome (the school year or the winter period).</param>
/// <param name="Issued">Decisions already issued, newest first, with their letters.</param>
/// <param name="AssessmentComplete">The case has both the objective and the subjective assessment with its conclusion (no decision before).</param>
/// <param name="AssessedOutcome">The conclusion of the assessment the outcome must agree with (or depart from in writing).</param>
/// <param name="UnassessedManualLegs">The legs no row covers that still lack the caseworker's assessment (no decision is issued before).</param>
public sealed record DecisionWorkspace(
    Guid CaseId,
    CaseNumber CaseNumber,
    CaseState State,
    string ChildName,
    string SchoolName,
    string? RulebookVersion,
    bool RequiresSecondApproval,
    DecisionDraftView? Draft,
    string ProposedGrounds,
    DecisionOutcome? ProposedOutcome,
    IReadOnlyDictionary<DecisionOutcome, (DateOnly? From, DateOnly? To)> ProposedPeriods,
    IReadOnlyList<IssuedDecisionView> Issued,
    bool AssessmentComplete = false,
    TransportOutcome? AssessedOutcome = null,
    IReadOnlyList<int>? UnassessedManualLegs = null)
{
    public bool CanDecide => DecisionFlow.Deciding(State) && RulebookVersion is not null;
}

/// <param name="EditedBy">Everyone who drafted or changed it: under four-eyes none of them may issue it.</param>
/// <param name="AssessmentDeparture">The written departure from the assessment's conclusion, if any.</param>
public sealed record DecisionDraftView(Guid DecisionId, DecisionKind Kind, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, string Grounds, string DraftedBy, DateTimeOffset UpdatedAt, IReadOnlyList<string>? EditedBy = null, string? AssessmentDeparture = null)
{
    /// <summary>Whether <paramref name="staffUserId"/> drafted or changed it.</summary>
    public bool WasEditedBy(string staffUserId) => DraftedBy == staffUserId || (EditedBy?.Contains(staffUserId) ?? false);
}

public sealed record IssuedDecisionView(Guid DecisionId, DecisionKind Kind, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateTimeOffset IssuedAt, string IssuedBy, Guid? LetterDocumentId);

public sealed class GetDecisionWorkspaceHandler(IApplicationDbContext db, RulebookProvider rulebooks, GetAssessmentSummaryHandler assessments, IAuditTrail audit, TimeProvider clock)
{
    public async Task<DecisionWorkspace?> HandleAsync(GetDecisionWorkspaceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await DecisionContext.LoadAsync(db, rulebooks, query.CaseId, query.MunicipalityNumber, tracking: false, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var issued = await db.Decisions.AsNoTracking()
            .Where(d => d.CaseId == query.CaseId && d.Status == DecisionStatus.Issued)
            .OrderByDescending(d => d.IssuedAt)
            .Select(d => new IssuedDecisionView(d.Id, d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.IssuedAt!.Value, d.IssuedBy!, d.LetterDocumentId))
            .ToListAsync(cancellationToken);
        var today = DecisionLetters.Today(clock);
        var periods = Enum.GetValues<DecisionOutcome>().ToDictionary(
            o => o,
            o => context.Rulebook is { } r ? DecisionPeriod.Proposed(o, context.Form.Child!.SchoolYearStart, r.WinterPeriod, r.DecisionValidity, today) : ((DateOnly?)null, (DateOnly?)null));
        _ = await assessments.HandleAsync(new GetAssessmentSummaryQuery(query.CaseId, query.MunicipalityNumber), cancellationToken);
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        var proposedOutcome = assessment.ProposedOutcome(context);
        var draft = context.Draft is { } d ? new DecisionDraftView(d.Id, d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.Grounds, d.DraftedBy, d.UpdatedAt, d.EditedBy, d.AssessmentDeparture) : null;
        audit.Record("DecisionWorkspaceRead", CaseAccess.AuditObjectType, query.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new DecisionWorkspace(
            context.Case.Id,
            context.Case.CaseNumber!,
            context.Case.State,
            context.Form.Child!.Name,
            context.School.Name,
            context.Rulebook?.VersionLabel,
            context.Municipality.DecisionRequiresSecondApproval,
            draft,
            assessment.ProposedGrounds(context, proposedOutcome),
            proposedOutcome,
            periods,
            issued,
            assessment.IsComplete,
            assessment.IsComplete ? assessment.Summary!.ResultingOutcome : null,
            assessment.UnassessedManualLegs);
    }
}

/// <summary>
/// Saves the decision draft (creating it on first save): outcome, period and grounds. <paramref name="LoadedRevision"/>
/// is the draft's <see cref="Decision.UpdatedAt"/> when the form was loaded (null: there was no draft); if a colleague
/// saved in between, the save is a conflict and the page keeps what this caseworker typed.
/// </summary>
/// <param name="AssessmentDeparture">Why the outcome departs from the assessment's conclusion; required when it does.</param>
public sealed record SaveDecisionDraftCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Grounds, DateTimeOffset? LoadedRevision = null, string? AssessmentDeparture = null);

public sealed class SaveDecisionDraftHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(SaveDecisionDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new ApplicationResult.NotFound();
        }

        if (Unready(context) is { } refused)
        {
            return refused;
        }

        // A referral to the county is no outcome of a decision (issue 11): the caseworker refers a home with a confirmed
        // distance beyond the limit from the case's distance page (opplæringslova § 4-1 first paragraph).
        if (command.Outcome == DecisionOutcome.ReferredToCounty)
        {
            return ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.Outcome), Referrals.ReferralTexts.Get("DecisionReferralNotAnOutcome"));
        }

        var now = clock.GetUtcNow();
        var decision = context.Draft;
        if (decision?.UpdatedAt != command.LoadedRevision)
        {
            return new ApplicationResult.Conflict(CaseTexts.Get("DecisionChangedMeanwhile"));
        }

        // The decision rests on the assessment: recorded in full, the outcome agreeing with its conclusion or departing
        // in writing, and grounds left as proposed recomposed for the outcome chosen.
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        var grounds = command.Grounds;
        if (Enum.IsDefined(command.Outcome) && DecisionOutcomes.IsOnTheApplication(command.Outcome) && DecisionLetters.IsUnedited(grounds, assessment.AllProposedGrounds(context)))
        {
            grounds = assessment.ProposedGrounds(context, command.Outcome);
        }

        if (Enum.IsDefined(command.Outcome) && DecisionOutcomes.IsOnTheApplication(command.Outcome) && assessment.Check(command.Outcome, grounds, command.AssessmentDeparture, context) is { } unfounded)
        {
            return unfounded;
        }

        if (decision is null)
        {
            var kind = context.Case.State == CaseState.FirstInstanceReview ? DecisionKind.Reversal
                : await db.Decisions.AnyAsync(d => d.CaseId == command.CaseId && d.Status == DecisionStatus.Issued, cancellationToken) ? DecisionKind.Change
                : DecisionKind.Initial;
            decision = Decision.Draft(Guid.CreateVersion7(now), command.CaseId, kind, context.Rulebook!.VersionLabel, command.StaffUserId, now);
            db.Decisions.Add(decision);
        }

        var (from, to) = (command.PeriodFrom, command.PeriodTo);
        if (from is null && to is null)
        {
            // Left empty: the school year or the rulebook's winter period (the form says so).
            (from, to) = DecisionPeriod.Proposed(command.Outcome, context.Form.Child!.SchoolYearStart, context.Rulebook!.WinterPeriod, context.Rulebook.DecisionValidity, NorwegianTime.Today(now));
        }

        if ((decision.Update(command.Outcome, from, to, grounds, now) ?? decision.RecordEdit(command.StaffUserId, command.AssessmentDeparture, now)) is { } refusal)
        {
            return DecisionRefusals.ToResult(refusal);
        }

        audit.Record("DecisionDraftSaved", CaseAccess.AuditObjectType, command.CaseId.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApplicationResult.Saved(command.CaseId);
        }
        catch (DbUpdateException)
        {
            // A colleague saved or created the draft meanwhile (xmin, or the one-draft-per-case index).
            return new ApplicationResult.Conflict(CaseTexts.Get("Conflict"));
        }
    }

    internal static ApplicationResult? Unready(DecisionContext context) =>
        !DecisionFlow.Deciding(context.Case.State) ? new ApplicationResult.Refused(CaseTexts.Get("DecisionNotInAssessment"))
        : context.Rulebook is null ? new ApplicationResult.Refused(CaseTexts.Get("DecisionNoRulebook"))
        : null;
}

/// <summary>The draft as the letter will read (the same HTML that is printed to PDF).</summary>
public sealed record PreviewDecisionQuery(Guid CaseId, string MunicipalityNumber);

public sealed class PreviewDecisionHandler(IApplicationDbContext db, RulebookProvider rulebooks, ILetterRenderer letters, IAuditTrail audit, TimeProvider clock)
{
    public async Task<string?> HandleAsync(PreviewDecisionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = await DecisionContext.LoadAsync(db, rulebooks, query.CaseId, query.MunicipalityNumber, tracking: false, cancellationToken);
        if (context?.Draft is null)
        {
            return null;
        }

        audit.Record("DecisionPreviewed", CaseAccess.AuditObjectType, query.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return await letters.RenderHtmlAsync(DecisionLetters.Compose(context, context.Draft, DecisionLetters.Today(clock)), cancellationToken);
    }
}

/// <summary>
/// Issues the draft as an enkeltvedtak: the letter printed to a tagged PDF and stored, journaled as outgoing, the case
/// Decided with the rulebook version applied, every guardian notified through the outbox, and the issue audited — in
/// one transaction. Under four-eyes the caseworker who drafted it cannot issue it.
/// </summary>
/// <param name="ConfirmedOutcome">The outcome the caseworker saw in words and confirmed; another one stored means a colleague changed the draft meanwhile.</param>
public sealed record IssueDecisionCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, DecisionOutcome? ConfirmedOutcome = null);

public sealed class IssueDecisionHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(IssueDecisionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new ApplicationResult.NotFound();
        }

        if (SaveDecisionDraftHandler.Unready(context) is { } unready)
        {
            return unready;
        }

        if (context.Draft is not { } decision)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("DecisionGroundsMissing"));
        }

        var requiresSecond = context.Municipality.DecisionRequiresSecondApproval;
        if (decision.CanIssue(command.StaffUserId, requiresSecond) is { } refusal)
        {
            return DecisionRefusals.ToResult(refusal);
        }

        if (decision.Grounds.Contains(DecisionLetters.ToCompleteMarker, StringComparison.Ordinal))
        {
            return ApplicationResult.Invalid.Text(nameof(SaveDecisionDraftCommand.Grounds), "DecisionGroundsIncomplete");
        }

        if (command.ConfirmedOutcome is { } confirmed && confirmed != decision.Outcome)
        {
            return new ApplicationResult.Conflict(CaseTexts.Get("DecisionChangedMeanwhile"));
        }

        // Checked again on issue: the assessment may have changed since the draft was saved.
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        if ((assessment.Check(decision.Outcome, decision.Grounds, decision.AssessmentDeparture, context) ?? assessment.CheckManualLegs()) is { } unfounded)
        {
            return unfounded;
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, DecisionLetters.Compose(context, decision, today), cancellationToken);

        var moved = context.Case.Apply(DecisionFlow.Trigger(context.Case.State), new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, decision.Outcome.ToString(), decision.RulebookVersion);
        if (!moved.Succeeded)
        {
            return new ApplicationResult.Refused(moved.Reason!);
        }

        var language = context.Language;
        var year = context.Form.Child!.SchoolYearStart;
        var mail = (CaseTexts.Format("DecisionMailSubject", language, context.Case.CaseNumber), CaseTexts.Format("DecisionMailBody", language, context.MunicipalityName, context.Case.CaseNumber, links.MyCase(context.Case.Id)), "DecisionIssued");
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, DecisionLetters.FileName(context), CaseTexts.Format("DecisionJournalTitle", language, year, year + 1), mail, command.StaffUserId, now);
        decision.MarkIssued(command.StaffUserId, letter.Id, now, requiresSecond);

        audit.Record("DecisionIssued", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, context.Case.Id, cancellationToken);
    }
}

internal static class DecisionRefusals
{
    public static ApplicationResult ToResult(DecisionRefusal refusal)
    {
        var message = CaseTexts.Get("Decision" + refusal);
        return refusal switch
        {
            DecisionRefusal.OutcomeMissing => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.Outcome), message),
            DecisionRefusal.GroundsMissing or DecisionRefusal.GroundsTooLong => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.Grounds), message),
            DecisionRefusal.DepartureTooLong => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.AssessmentDeparture), message),
            DecisionRefusal.PeriodMissing => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.PeriodFrom), message),
            DecisionRefusal.PeriodReversed => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.PeriodTo), message),
            _ => new ApplicationResult.Refused(message),
        };
    }
}

/// <summary>
/// Where a decision is made: an initial or change decision while the case is in assessment (Decide), or a reversal by the
/// first instance reviewing an appeal (fvl. § 33 second paragraph: ReverseDecision, a new enkeltvedtak with its own
/// letter and right of appeal; the appeal is thereby closed).
/// </summary>
internal static class DecisionFlow
{
    public static bool Deciding(CaseState state) => state is CaseState.InAssessment or CaseState.FirstInstanceReview;

    public static CaseTrigger Trigger(CaseState state) => state == CaseState.FirstInstanceReview ? CaseTrigger.ReverseDecision : CaseTrigger.Decide;
}
