using SkoleskyssSak.Domain.Routes;

namespace SkoleskyssSak.Domain.Rules;

/// <summary>The objective assessment of a route for one pupil against one rulebook version.</summary>
public sealed record RouteAssessment(
    TransportOutcome Outcome,
    bool ManualAssessmentRequired,
    bool DistanceEntitlement,
    string RulebookVersion,
    RuleProvenance Provenance,
    WinterPeriod WinterPeriod,
    IReadOnlyList<LegAssessment> Legs);

/// <summary>
/// One leg's outcome and the confirmed rows it matched (empty when none matched: manual assessment), and the unconfirmed
/// rows it matched (<see cref="MatrixRule.Unconfirmed"/>), which give no outcome.
/// </summary>
public sealed record LegAssessment(RouteLeg Leg, TransportOutcome Outcome, IReadOnlyList<MatrixRule> MatchedRules)
{
    /// <summary>Rows whose outcome the municipality has not confirmed ("ikkje stadfesta av kommunen").</summary>
    public IReadOnlyList<MatrixRule> UnconfirmedRules { get; init; } = [];

    /// <summary>
    /// No confirmed row covers the leg, or an unconfirmed row does and the confirmed ones leave room for a more
    /// generous outcome than they give: the municipality must assess it concretely, never a definite "none".
    /// </summary>
    public bool ManualAssessmentRequired => MatchedRules.Count == 0 || (UnconfirmedRules.Count > 0 && Outcome != TransportOutcome.YearRound);
}
