using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// What a decision on the søknad rests on: the case's recorded assessment. Before any decision (grant, partial grant,
/// refusal) the case must have the objective assessment and the subjective assessment with its conclusion (Melhus kap. 5,
/// Sunnfjord kap. 3, Rana kap. 6.1; Udir-2-2019; fvl. § 17: the case is clarified before it is decided), and the outcome
/// chosen must agree with the assessment's conclusion or depart from it in writing (fvl. §§ 24–25).
/// </summary>
/// <param name="Summary">The assessment as the grounds quote it; null before the objective assessment.</param>
/// <param name="DistanceEntitlement">The objective assessment found the distance beyond the limit of § 4-1 first paragraph.</param>
internal sealed record DecisionAssessment(AssessmentSummary? Summary, bool DistanceEntitlement)
{
    /// <summary>Both parts are recorded: the objective assessment and the subjective one with its conclusion.</summary>
    public bool IsComplete => Summary is { SubjectiveChangesResult: not null };

    public static async Task<DecisionAssessment> LoadAsync(IApplicationDbContext db, DecisionContext context, CancellationToken cancellationToken)
    {
        var assessment = await db.CaseAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == context.Case.Id, cancellationToken);
        return assessment is null
            ? new DecisionAssessment(null, false)
            : new DecisionAssessment(AssessmentReads.Summarize(assessment, context.Language), assessment.Objective?.DistanceEntitlement ?? false);
    }

    /// <summary>The outcome the form starts from: the assessment's conclusion, within what was applied for; null when it is the caseworker's call.</summary>
    /// <remarks>While a leg no row covers has not been assessed concretely, the matrix's "none" is no result: no outcome is proposed.</remarks>
    public DecisionOutcome? ProposedOutcome(DecisionContext context) =>
        IsComplete && !(Summary!.ManualAssessmentRequired && Summary.SubjectiveChangesResult == false)
            ? AssessedDecisionOutcomes.Proposed(Summary.ResultingOutcome, context.Form.Period)
            : null;

    /// <summary>
    /// The legs no row of the matrix covers that the caseworker has not assessed yet (issue 11): no decision is issued
    /// while there are any, for the matrix's "none" on such a leg is no result (opplæringslova § 4-1 andre ledd; fvl. § 17).
    /// </summary>
    public IReadOnlyList<int> UnassessedManualLegs => Summary?.Legs.Where(l => l.ManualAssessmentRequired).Select(l => l.Number).ToList() ?? [];

    /// <summary>The refusal naming <see cref="UnassessedManualLegs"/> ("strekningene 1 og 3"), in the page's language; null when there are none.</summary>
    public Failure? CheckManualLegs()
    {
        var legs = UnassessedManualLegs;
        if (legs.Count == 0)
        {
            return null;
        }

        var named = legs.Count == 1
            ? CaseTexts.FormatCurrent("LegNumbersOne", legs[0])
            : CaseTexts.FormatCurrent("LegNumbersMany", string.Join(", ", legs.Take(legs.Count - 1)), legs[^1]);
        return new Failure.Refused(CaseTexts.FormatCurrent("DecisionManualLegsUnassessed", named, CaseTexts.Get(legs.Count == 1 ? "LegsPronounOne" : "LegsPronounMany")));
    }

    public bool Agrees(DecisionOutcome outcome, DecisionContext context) =>
        Summary is { } summary && AssessedDecisionOutcomes.Agrees(outcome, summary.ResultingOutcome, context.Form.Period, DistanceEntitlement);

    /// <summary>The grounds the form proposes for <paramref name="outcome"/> (null: no outcome chosen yet).</summary>
    public string ProposedGrounds(DecisionContext context, DecisionOutcome? outcome) =>
        DecisionLetters.ProposedGrounds(context, Summary is null ? null : DecisionLetters.AssessmentParagraphs(Summary, context.Language), outcome);

    /// <summary>Every text the form may have proposed: without an outcome and for each outcome on the søknad.</summary>
    public IEnumerable<string> AllProposedGrounds(DecisionContext context) =>
        Enum.GetValues<DecisionOutcome>().Where(DecisionOutcomes.IsOnTheApplication).Select(o => ProposedGrounds(context, o)).Prepend(ProposedGrounds(context, null));

    /// <summary>
    /// Why a decision with <paramref name="outcome"/>, <paramref name="grounds"/> and <paramref name="departure"/> cannot be
    /// issued on this assessment, or null: the assessment is incomplete, the outcome departs from the assessment's
    /// conclusion without a written departure, or the grounds conclude with another outcome.
    /// </summary>
    public Failure? Check(DecisionOutcome outcome, string? grounds, string? departure, DecisionContext context)
    {
        if (!IsComplete)
        {
            return new Failure.Refused(CaseTexts.Get("DecisionAssessmentMissing"));
        }

        if (!Agrees(outcome, context) && string.IsNullOrWhiteSpace(departure))
        {
            return Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.AssessmentDeparture), CaseTexts.FormatCurrent("DecisionDepartureRequired", CaseTexts.Get("TransportOutcome_" + Summary!.ResultingOutcome)));
        }

        return DecisionLetters.ContradictingConclusion(grounds, outcome, context.Language) is { } other
            ? Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.Grounds), CaseTexts.FormatCurrent("DecisionGroundsContradictOutcome", DecisionLetters.OutcomeConclusion(other, context.Language)))
            : null;
    }
}
