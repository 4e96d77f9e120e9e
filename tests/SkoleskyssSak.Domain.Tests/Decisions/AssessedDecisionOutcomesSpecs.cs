using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Decisions;

/// <summary>
/// A decision rests on the assessment's conclusion (fvl. §§ 24–25; Melhus kap. 5, Sunnfjord kap. 3.2): which outcomes agree
/// with it, and where the decision form starts — never "granted year-round" by default, and winter only when winter only
/// was applied for.
/// </summary>
public sealed class AssessedDecisionOutcomesSpecs
{
    [Theory]
    [InlineData(TransportOutcome.YearRound, DecisionOutcome.GrantedYearRound, TransportPeriod.WholeSchoolYear, true)]
    [InlineData(TransportOutcome.YearRound, DecisionOutcome.Refused, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.YearRound, DecisionOutcome.GrantedWinter, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.YearRound, DecisionOutcome.GrantedWinter, TransportPeriod.WinterOnly, true)]
    [InlineData(TransportOutcome.YearRound, DecisionOutcome.PartlyGranted, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.Winter, DecisionOutcome.GrantedWinter, TransportPeriod.WholeSchoolYear, true)]
    [InlineData(TransportOutcome.Winter, DecisionOutcome.GrantedYearRound, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.ConsiderWinter, DecisionOutcome.GrantedWinter, TransportPeriod.WholeSchoolYear, true)]
    [InlineData(TransportOutcome.ConsiderWinter, DecisionOutcome.Refused, TransportPeriod.WholeSchoolYear, true)]
    [InlineData(TransportOutcome.ConsiderWinter, DecisionOutcome.GrantedYearRound, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.None, DecisionOutcome.Refused, TransportPeriod.WholeSchoolYear, true)]
    [InlineData(TransportOutcome.None, DecisionOutcome.GrantedYearRound, TransportPeriod.WholeSchoolYear, false)]
    [InlineData(TransportOutcome.None, DecisionOutcome.ReferredToCounty, TransportPeriod.WholeSchoolYear, false)]
    public void An_outcome_agrees_only_with_the_assessment_that_supports_it(TransportOutcome assessed, DecisionOutcome outcome, TransportPeriod requested, bool agrees) =>
        Assert.Equal(agrees, AssessedDecisionOutcomes.Agrees(outcome, assessed, requested, distanceEntitlement: false));

    [Fact]
    public void A_referral_to_the_county_agrees_only_when_the_distance_is_beyond_the_limit() =>
        Assert.True(AssessedDecisionOutcomes.Agrees(DecisionOutcome.ReferredToCounty, TransportOutcome.None, TransportPeriod.WholeSchoolYear, distanceEntitlement: true));

    [Theory]
    [InlineData(TransportOutcome.YearRound, TransportPeriod.WholeSchoolYear, DecisionOutcome.GrantedYearRound)]
    [InlineData(TransportOutcome.YearRound, TransportPeriod.WinterOnly, DecisionOutcome.GrantedWinter)]
    [InlineData(TransportOutcome.Winter, TransportPeriod.WholeSchoolYear, DecisionOutcome.GrantedWinter)]
    [InlineData(TransportOutcome.None, TransportPeriod.WholeSchoolYear, DecisionOutcome.Refused)]
    [InlineData(TransportOutcome.ConsiderWinter, TransportPeriod.WholeSchoolYear, null)]
    public void The_form_starts_from_the_assessment_within_what_was_applied_for(TransportOutcome assessed, TransportPeriod requested, DecisionOutcome? expected) =>
        Assert.Equal(expected, AssessedDecisionOutcomes.Proposed(assessed, requested));
}
