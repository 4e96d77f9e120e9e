using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// The decision workspace of a case for a caseworker of its municipality; null for any other case. A read of the case:
/// the pipeline audits it once ("DecisionWorkspaceRead"), the handler writes nothing.
/// </summary>
public sealed record GetDecisionWorkspaceQuery(Guid CaseId, string MunicipalityNumber) : IQuery<DecisionWorkspace?>, ICaseRead
{
    public string ReadAction => "DecisionWorkspaceRead";
}

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

public sealed class GetDecisionWorkspaceHandler(IApplicationDbContext db, RulebookProvider rulebooks, TimeProvider clock) : IQueryHandler<GetDecisionWorkspaceQuery, DecisionWorkspace?>
{
    public async ValueTask<DecisionWorkspace?> Handle(GetDecisionWorkspaceQuery query, CancellationToken cancellationToken)
    {
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
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        var proposedOutcome = assessment.ProposedOutcome(context);
        var draft = context.Draft is { } d ? new DecisionDraftView(d.Id, d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.Grounds, d.DraftedBy, d.UpdatedAt, d.EditedBy, d.AssessmentDeparture) : null;
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
