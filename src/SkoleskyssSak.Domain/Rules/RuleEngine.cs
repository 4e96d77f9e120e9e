using SkoleskyssSak.Domain.Routes;

namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// Evaluates a route against a rulebook for a pupil's grade. Each leg gets the most generous outcome of the rows
/// it matches; a leg matching no row needs a manual assessment, and so does one matching an unconfirmed row
/// (<see cref="MatrixRule.Unconfirmed"/>) that could be more generous. The route gets the most generous leg
/// (YearRound &gt; Winter &gt; ConsiderWinter &gt; None).
/// </summary>
public static class RuleEngine
{
    public static RouteAssessment Evaluate(Rulebook rulebook, int grade, IReadOnlyList<RouteLeg> legs, decimal? distanceKm)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grade, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grade, 10);

        var assessed = new LegAssessment[legs.Count];
        var overall = TransportOutcome.None;
        var manual = false;
        for (var i = 0; i < legs.Count; i++)
        {
            assessed[i] = EvaluateLeg(rulebook.Rules, grade, legs[i]);
            overall = Max(overall, assessed[i].Outcome);
            manual |= assessed[i].ManualAssessmentRequired;
        }

        return new RouteAssessment(
            overall,
            manual,
            DistanceEntitlement.Applies(grade, distanceKm),
            rulebook.VersionLabel,
            rulebook.Provenance,
            rulebook.WinterPeriod,
            assessed);
    }

    public static LegAssessment EvaluateLeg(IReadOnlyList<MatrixRule> rules, int grade, RouteLeg leg)
    {
        List<MatrixRule>? matched = null;
        List<MatrixRule>? unconfirmed = null;
        var outcome = TransportOutcome.None;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Matches(leg))
            {
                continue;
            }

            if (rule.Unconfirmed)
            {
                (unconfirmed ??= []).Add(rule);
                continue;
            }

            (matched ??= []).Add(rule);
            outcome = Max(outcome, rule.OutcomeFor(grade));
        }

        return new LegAssessment(leg, outcome, (IReadOnlyList<MatrixRule>?)matched ?? [])
        {
            UnconfirmedRules = (IReadOnlyList<MatrixRule>?)unconfirmed ?? [],
        };
    }

    private static TransportOutcome Max(TransportOutcome a, TransportOutcome b) => a >= b ? a : b;
}
