using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>The decision workspace of a case for a caseworker of its municipality.</summary>
public sealed record GetDecisionWorkspaceQuery(Guid CaseId, string MunicipalityNumber);

/// <param name="Draft">The draft being prepared, or null (the form then proposes <see cref="ProposedGrounds"/>).</param>
/// <param name="ProposedPeriods">The period the form proposes per granting outcome (the school year or the winter period).</param>
/// <param name="Issued">Decisions already issued, newest first, with their letters.</param>
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
    IReadOnlyList<IssuedDecisionView> Issued)
{
    public bool CanDecide => DecisionFlow.Deciding(State) && RulebookVersion is not null;
}

public sealed record DecisionDraftView(Guid DecisionId, DecisionKind Kind, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, string Grounds, string DraftedBy, DateTimeOffset UpdatedAt);

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
        var assessment = await assessments.HandleAsync(new GetAssessmentSummaryQuery(query.CaseId, query.MunicipalityNumber), cancellationToken);
        var draft = context.Draft is { } d ? new DecisionDraftView(d.Id, d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.Grounds, d.DraftedBy, d.UpdatedAt) : null;
        audit.Record("DecisionWorkspaceRead", ApplicationAccess.AuditObjectType, query.CaseId.ToString());
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
            DecisionLetters.ProposedGrounds(context, assessment is null ? null : DecisionLetters.AssessmentParagraphs(assessment, context.Language)),
            DecisionLetters.ProposedOutcome(assessment),
            periods,
            issued);
    }
}

/// <summary>
/// Saves the decision draft (creating it on first save): outcome, period and grounds. <paramref name="LoadedRevision"/>
/// is the draft's <see cref="Decision.UpdatedAt"/> when the form was loaded (null: there was no draft); if a colleague
/// saved in between, the save is a conflict and the page keeps what this caseworker typed.
/// </summary>
public sealed record SaveDecisionDraftCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Grounds, DateTimeOffset? LoadedRevision = null);

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

        var now = clock.GetUtcNow();
        var decision = context.Draft;
        if (decision?.UpdatedAt != command.LoadedRevision)
        {
            return new ApplicationResult.Conflict(ApplicationTexts.Get("DecisionChangedMeanwhile"));
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

        if (decision.Update(command.Outcome, from, to, command.Grounds, now) is { } refusal)
        {
            return DecisionRefusals.ToResult(refusal);
        }

        audit.Record("DecisionDraftSaved", ApplicationAccess.AuditObjectType, command.CaseId.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApplicationResult.Saved(command.CaseId);
        }
        catch (DbUpdateException)
        {
            // A colleague saved or created the draft meanwhile (xmin, or the one-draft-per-case index).
            return new ApplicationResult.Conflict(ApplicationTexts.Get("Conflict"));
        }
    }

    internal static ApplicationResult? Unready(DecisionContext context) =>
        !DecisionFlow.Deciding(context.Case.State) ? new ApplicationResult.Refused(ApplicationTexts.Get("DecisionNotInAssessment"))
        : context.Rulebook is null ? new ApplicationResult.Refused(ApplicationTexts.Get("DecisionNoRulebook"))
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

        audit.Record("DecisionPreviewed", ApplicationAccess.AuditObjectType, query.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return await letters.RenderHtmlAsync(DecisionLetters.Compose(context, context.Draft, DecisionLetters.Today(clock)), cancellationToken);
    }
}

/// <summary>
/// Issues the draft as an enkeltvedtak: the letter printed to a tagged PDF and stored, journaled as outgoing, the case
/// Decided with the rulebook version applied, every guardian notified through the outbox, and the issue audited — in
/// one transaction. Under four-eyes the caseworker who drafted it cannot issue it.
/// </summary>
public sealed record IssueDecisionCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId);

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
            return new ApplicationResult.Refused(ApplicationTexts.Get("DecisionGroundsMissing"));
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
        var mail = (ApplicationTexts.Format("DecisionMailSubject", language, context.Case.CaseNumber), ApplicationTexts.Format("DecisionMailBody", language, context.MunicipalityName, context.Case.CaseNumber, links.MyCase(context.Case.Id)), "DecisionIssued");
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, DecisionLetters.FileName(context), ApplicationTexts.Format("DecisionJournalTitle", language, year, year + 1), mail, command.StaffUserId, now);
        decision.MarkIssued(command.StaffUserId, letter.Id, now, requiresSecond);

        audit.Record("DecisionIssued", ApplicationAccess.AuditObjectType, context.Case.Id.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, context.Case.Id, cancellationToken);
    }
}

internal static class DecisionRefusals
{
    public static ApplicationResult ToResult(DecisionRefusal refusal)
    {
        var message = ApplicationTexts.Get("Decision" + refusal);
        return refusal switch
        {
            DecisionRefusal.OutcomeMissing => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.Outcome), message),
            DecisionRefusal.GroundsMissing or DecisionRefusal.GroundsTooLong => ApplicationResult.Invalid.Field(nameof(SaveDecisionDraftCommand.Grounds), message),
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
