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

/// <summary>One leg's outcome and the rows it matched (empty when no row matched: manual assessment).</summary>
public sealed record LegAssessment(RouteLeg Leg, TransportOutcome Outcome, IReadOnlyList<MatrixRule> MatchedRules)
{
    public bool ManualAssessmentRequired => MatchedRules.Count == 0;
}
