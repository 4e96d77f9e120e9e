using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Decisions;

/// <summary>
/// Which decision outcomes follow from the conclusion of a case's assessment (the objective matrix with any justified
/// departure, then the subjective assessment: Melhus kap. 5, Sunnfjord kap. 3.2, Rana kap. 6.1, Sarpsborg kap. 3;
/// Udir-2-2019). A decision that chooses another outcome departs from its own grounds and needs a written departure
/// (fvl. §§ 24–25). The table is data: one row per assessed outcome.
/// </summary>
public static class AssessedDecisionOutcomes
{
    /// <summary>
    /// The outcomes that agree with an assessed outcome. "Vinterskyss kan vurderes" (ConsiderWinter) leaves the choice
    /// between winter transport and a refusal to the caseworker; every other result names one outcome. A partial grant
    /// always departs from a single result, so it is never in the table.
    /// </summary>
    private static readonly Dictionary<TransportOutcome, DecisionOutcome[]> Agreeing = new()
    {
        [TransportOutcome.YearRound] = [DecisionOutcome.GrantedYearRound],
        [TransportOutcome.Winter] = [DecisionOutcome.GrantedWinter],
        [TransportOutcome.ConsiderWinter] = [DecisionOutcome.GrantedWinter, DecisionOutcome.Refused],
        [TransportOutcome.None] = [DecisionOutcome.Refused],
    };

    /// <summary>
    /// Whether <paramref name="outcome"/> agrees with the assessment. A parent who applied for winter only is granted what
    /// was applied for when the route qualifies for more; a referral to the county agrees only when the assessment found
    /// the distance beyond the limit (opplæringslova § 4-1 first paragraph).
    /// </summary>
    public static bool Agrees(DecisionOutcome outcome, TransportOutcome assessed, TransportPeriod requested, bool distanceEntitlement)
    {
        if (outcome == DecisionOutcome.ReferredToCounty)
        {
            return distanceEntitlement;
        }

        if (requested == TransportPeriod.WinterOnly && assessed == TransportOutcome.YearRound && outcome == DecisionOutcome.GrantedWinter)
        {
            return true;
        }

        return Agreeing.TryGetValue(assessed, out var agreeing) && agreeing.Contains(outcome);
    }

    /// <summary>
    /// The outcome the decision form starts from: the assessment's, limited to what was applied for (winter only if winter
    /// only was applied for); null when the assessment leaves the choice to the caseworker (ConsiderWinter).
    /// </summary>
    public static DecisionOutcome? Proposed(TransportOutcome assessed, TransportPeriod requested) => assessed switch
    {
        TransportOutcome.YearRound => requested == TransportPeriod.WinterOnly ? DecisionOutcome.GrantedWinter : DecisionOutcome.GrantedYearRound,
        TransportOutcome.Winter => DecisionOutcome.GrantedWinter,
        TransportOutcome.None => DecisionOutcome.Refused,
        _ => null,
    };
}
