using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Referrals;

namespace SkoleskyssSak.Domain.Tests.Referrals;

/// <summary>
/// The per-home rule of a referral to the county (issue 11; opplæringslova § 4-1 first paragraph: more than 2 km in grade
/// 1, more than 4 km in grades 2–10; § 4-1 last paragraph: a child with two homes has a right from each).
/// </summary>
public class HomeReferralsTests
{
    private static readonly Guid CaseId = Guid.Parse("0193a000-0000-7000-8000-000000000011");
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static HomeDistance Confirmed(int home, decimal km) =>
        HomeDistance.Confirm(CaseId, home, km, "Målt i Norgeskart", new DateOnly(2026, 12, 4), "caseworker-1", Now);

    [Fact]
    public void A_home_without_a_confirmed_distance_is_not_referred()
    {
        Assert.Equal(HomeReferralRefusal.NotConfirmed, HomeReferrals.Check(3, null));
    }

    [Theory]
    [InlineData(1, 2.0, HomeReferralRefusal.WithinLimit)]
    [InlineData(1, 2.01, null)]
    [InlineData(3, 4.0, HomeReferralRefusal.WithinLimit)]
    [InlineData(3, 4.1, null)]
    [InlineData(10, 12.5, null)]
    public void Only_a_confirmed_distance_beyond_the_grades_limit_is_referred(int grade, double km, HomeReferralRefusal? expected)
    {
        var distance = Confirmed(0, (decimal)km);

        Assert.Equal(expected, distance.Refer(grade, "caseworker-1", Now));
        Assert.Equal(expected is null, distance.IsReferred);
    }

    [Fact]
    public void A_referred_home_is_not_referred_again_and_keeps_its_distance()
    {
        var distance = Confirmed(0, 5.2m);
        Assert.Null(distance.Refer(3, "caseworker-1", Now));

        Assert.Equal(HomeReferralRefusal.AlreadyReferred, distance.Refer(3, "caseworker-2", Now.AddHours(1)));
        Assert.Equal(HomeReferralRefusal.AlreadyReferred, distance.Reconfirm(3.0m, "Oppmåling på staden", new DateOnly(2026, 12, 5), "caseworker-2", Now.AddHours(1)));
        Assert.Equal(5.2m, distance.ConfirmedKm);
        Assert.Equal("caseworker-1", distance.ReferredBy);
    }

    [Fact]
    public void One_home_of_two_beyond_the_limit_does_not_send_the_whole_case()
    {
        var far = Confirmed(0, 6.3m);
        var near = Confirmed(1, 1.2m);
        Assert.Null(far.Refer(3, "caseworker-1", Now));
        Assert.Equal(HomeReferralRefusal.WithinLimit, near.Refer(3, "caseworker-1", Now));

        Assert.False(HomeReferrals.WholeCaseReferred(2, [far, near]));
        Assert.False(HomeReferrals.WholeCaseReferred(2, [far]));
    }

    [Fact]
    public void The_case_is_the_countys_when_every_home_is_referred()
    {
        var first = Confirmed(0, 6.3m);
        var second = Confirmed(1, 4.4m);
        first.Refer(5, "caseworker-1", Now);
        Assert.False(HomeReferrals.WholeCaseReferred(2, [first, second]));

        second.Refer(5, "caseworker-1", Now);

        Assert.True(HomeReferrals.WholeCaseReferred(2, [first, second]));
        Assert.True(HomeReferrals.WholeCaseReferred(1, [first]));
        Assert.False(HomeReferrals.WholeCaseReferred(0, []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(200.01)]
    public void A_distance_that_is_no_walking_distance_is_refused(double km)
    {
        Assert.ThrowsAny<ArgumentException>(() => Confirmed(0, (decimal)km));
    }
}

/// <summary>A referral is made per home, never chosen as the outcome of a decision (issue 11).</summary>
public class ReferralIsNoDecisionOutcomeTests
{
    [Fact]
    public void The_decision_page_offers_no_referral_to_the_county()
    {
        var offered = Enum.GetValues<DecisionOutcome>().Where(DecisionOutcomes.IsChosenOnDecisionPage);

        Assert.Equal(
            [DecisionOutcome.GrantedYearRound, DecisionOutcome.GrantedWinter, DecisionOutcome.PartlyGranted, DecisionOutcome.Refused],
            offered);
    }
}
