using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Decisions;

/// <summary>An enkeltvedtak is reasoned (fvl. § 24), has a period that fits its outcome, and is never edited once issued.</summary>
public sealed class DecisionSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly WinterPeriod MelhusWinter = new(11, 1, 3, 31);

    private static Decision Draft() => Decision.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), DecisionKind.Initial, "5028/v1", "staff-1", Now);

    [Theory]
    [InlineData(DecisionOutcome.GrantedYearRound, null, null, DecisionRefusal.PeriodMissing)]
    [InlineData(DecisionOutcome.GrantedWinter, null, "2027-03-31", DecisionRefusal.PeriodMissing)]
    [InlineData(DecisionOutcome.PartlyGranted, "2027-01-10", "2027-01-09", DecisionRefusal.PeriodReversed)]
    [InlineData(DecisionOutcome.GrantedYearRound, "2026-11-23", null, null)]
    [InlineData(DecisionOutcome.GrantedYearRound, "2026-11-23", "2026-11-23", null)]
    [InlineData(DecisionOutcome.Refused, null, null, null)]
    [InlineData(DecisionOutcome.ReferredToCounty, null, null, null)]
    public void A_granting_outcome_needs_a_first_day_and_a_last_day_not_before_it(DecisionOutcome outcome, string? from, string? to, DecisionRefusal? expected)
    {
        var decision = Draft();

        var refusal = decision.Update(outcome, Parse(from), Parse(to), "Grunngiving.", Now);

        Assert.Equal(expected, refusal);
    }

    [Fact]
    public void A_refusal_keeps_no_period_even_if_dates_were_sent()
    {
        var decision = Draft();

        Assert.Null(decision.Update(DecisionOutcome.Refused, new DateOnly(2026, 12, 1), new DateOnly(2027, 6, 30), "Vegen har fortau.", Now));

        Assert.Null(decision.PeriodFrom);
        Assert.Null(decision.PeriodTo);
    }

    [Fact]
    public void A_decision_without_grounds_cannot_be_issued()
    {
        var decision = Draft();
        Assert.Null(decision.Update(DecisionOutcome.Refused, null, null, "   ", Now));

        Assert.Equal(DecisionRefusal.GroundsMissing, decision.CanIssue("staff-1", requiresSecondApproval: false));
    }

    [Fact]
    public void Grounds_over_20000_characters_are_refused()
    {
        Assert.Equal(DecisionRefusal.GroundsTooLong, Draft().Update(DecisionOutcome.Refused, null, null, new string('x', Decision.MaxGroundsLength + 1), Now));
    }

    [Theory]
    [InlineData(false, "staff-1", null)]
    [InlineData(true, "staff-1", DecisionRefusal.SecondApprovalRequired)]
    [InlineData(true, "staff-2", null)]
    public void Under_four_eyes_the_drafter_may_not_issue_a_colleague_may(bool fourEyes, string issuer, DecisionRefusal? expected)
    {
        var decision = Draft();
        decision.Update(DecisionOutcome.Refused, null, null, "Vegen har fortau.", Now);

        Assert.Equal(expected, decision.CanIssue(issuer, fourEyes));
    }

    [Fact]
    public void An_issued_decision_is_never_edited_nor_issued_again()
    {
        var decision = Draft();
        decision.Update(DecisionOutcome.Refused, null, null, "Vegen har fortau.", Now);
        decision.MarkIssued("staff-1", Guid.CreateVersion7(), Now, requiresSecondApproval: false);

        Assert.Equal(DecisionStatus.Issued, decision.Status);
        Assert.Equal(DecisionRefusal.AlreadyIssued, decision.Update(DecisionOutcome.GrantedYearRound, new DateOnly(2026, 12, 1), null, "Ny grunngiving.", Now));
        Assert.Equal(DecisionRefusal.AlreadyIssued, decision.CanIssue("staff-2", false));
        Assert.Throws<InvalidOperationException>(() => decision.MarkIssued("staff-2", Guid.CreateVersion7(), Now, false));
        Assert.Equal("Vegen har fortau.", decision.Grounds);
    }

    [Theory]
    [InlineData(DecisionOutcome.GrantedYearRound, DecisionValidity.OneSchoolYear, "2026-11-21", "2026-11-21", "2027-06-30")]
    [InlineData(DecisionOutcome.GrantedYearRound, DecisionValidity.UntilCriteriaChange, "2026-11-21", "2026-11-21", null)]
    [InlineData(DecisionOutcome.GrantedYearRound, DecisionValidity.OneSchoolYear, "2026-06-15", "2026-08-01", "2027-06-30")]
    [InlineData(DecisionOutcome.GrantedWinter, DecisionValidity.OneSchoolYear, "2026-09-01", "2026-11-01", "2027-03-31")]
    [InlineData(DecisionOutcome.GrantedWinter, DecisionValidity.UntilCriteriaChange, "2026-11-21", "2026-11-21", "2027-03-31")]
    [InlineData(DecisionOutcome.Refused, DecisionValidity.OneSchoolYear, "2026-11-21", null, null)]
    public void The_proposed_period_is_the_school_year_or_the_winter_period_never_before_today(DecisionOutcome outcome, DecisionValidity validity, string today, string? from, string? to)
    {
        var (proposedFrom, proposedTo) = DecisionPeriod.Proposed(outcome, 2026, MelhusWinter, validity, Parse(today)!.Value);

        Assert.Equal(Parse(from), proposedFrom);
        Assert.Equal(Parse(to), proposedTo);
    }

    private static DateOnly? Parse(string? date) => date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
