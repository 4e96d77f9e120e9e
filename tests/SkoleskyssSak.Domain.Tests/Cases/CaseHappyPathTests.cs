using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Whole journeys through the process of DESIGN.md §3, each step by the role that takes it in real life.</summary>
public class CaseHappyPathTests
{
    private static DateTimeOffset Day(int day) => CaseScenarios.Start.AddDays(day);

    [Fact]
    public void Application_is_submitted_assessed_decided_and_closed()
    {
        var @case = CaseScenarios.NumberedDraft();

        CaseScenarios.Step(@case, CaseTrigger.Submit, CaseActorRole.Guardian, Day(0));
        CaseScenarios.Step(@case, CaseTrigger.StartAssessment, CaseActorRole.Caseworker, Day(2));
        CaseScenarios.Step(@case, CaseTrigger.RequestInformation, CaseActorRole.Caseworker, Day(3), "Kva for ein veg går barnet i mørketida?");
        CaseScenarios.Step(@case, CaseTrigger.InformationReceived, CaseActorRole.Guardian, Day(6));
        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Day(10), rulebookVersion: "5028/v1");
        CaseScenarios.Step(@case, CaseTrigger.Close, CaseActorRole.System, Day(40), "Klagefristen er ute.");

        AssertJourney(
            @case,
            (CaseState.Draft, CaseTrigger.Submit, CaseState.Submitted),
            (CaseState.Submitted, CaseTrigger.StartAssessment, CaseState.InAssessment),
            (CaseState.InAssessment, CaseTrigger.RequestInformation, CaseState.AwaitingInformation),
            (CaseState.AwaitingInformation, CaseTrigger.InformationReceived, CaseState.InAssessment),
            (CaseState.InAssessment, CaseTrigger.Decide, CaseState.Decided),
            (CaseState.Decided, CaseTrigger.Close, CaseState.Closed));
        Assert.Equal([CaseActorRole.Guardian, CaseActorRole.Caseworker, CaseActorRole.Caseworker, CaseActorRole.Guardian, CaseActorRole.Caseworker, CaseActorRole.System], @case.Events.Select(e => e.ActorRole));
        Assert.Equal("5028/v1", @case.Events.Single(e => e.Trigger == CaseTrigger.Decide).RulebookVersion);
        Assert.Equal([Day(0), Day(2), Day(3), Day(6), Day(10), Day(40)], @case.Events.Select(e => e.OccurredAt));
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.Caseworker));
    }

    [Fact]
    public void Appeal_goes_through_the_committee_to_the_county_governor_who_upholds_Melhus()
    {
        var @case = DecidedCase();

        CaseScenarios.Step(@case, CaseTrigger.ReceiveAppeal, CaseActorRole.Guardian, Day(20));
        CaseScenarios.Step(@case, CaseTrigger.StartFirstInstanceReview, CaseActorRole.Caseworker, Day(22));
        CaseScenarios.Step(@case, CaseTrigger.ForwardToAppealBody, CaseActorRole.Caseworker, Day(30), "Kommunen held fast ved vedtaket.");
        CaseScenarios.Step(@case, CaseTrigger.ForwardToAppealBody, CaseActorRole.AppealBody, Day(45), "Utvalg for teknikk og miljø opprettholder vedtaket, møte 2026-10-01.");
        CaseScenarios.Step(@case, CaseTrigger.AppealBodyUpholds, CaseActorRole.AppealBody, Day(90));
        CaseScenarios.Step(@case, CaseTrigger.Close, CaseActorRole.Caseworker, Day(91));

        AssertJourneyEndsWith(
            @case,
            (CaseState.Decided, CaseTrigger.ReceiveAppeal, CaseState.AppealReceived),
            (CaseState.AppealReceived, CaseTrigger.StartFirstInstanceReview, CaseState.FirstInstanceReview),
            (CaseState.FirstInstanceReview, CaseTrigger.ForwardToAppealBody, CaseState.ForwardedToAppealBody),
            (CaseState.ForwardedToAppealBody, CaseTrigger.ForwardToAppealBody, CaseState.ForwardedToAppealBody),
            (CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyUpholds, CaseState.AppealDecided),
            (CaseState.AppealDecided, CaseTrigger.Close, CaseState.Closed));
    }

    [Fact]
    public void Appeal_goes_to_the_county_governor_who_quashes_and_sends_it_back_for_a_new_decision()
    {
        var @case = DecidedCase();

        CaseScenarios.Step(@case, CaseTrigger.ReceiveAppeal, CaseActorRole.Caseworker, Day(20), "Klage motteken på papir.");
        CaseScenarios.Step(@case, CaseTrigger.StartFirstInstanceReview, CaseActorRole.Caseworker, Day(22));
        CaseScenarios.Step(@case, CaseTrigger.ForwardToAppealBody, CaseActorRole.Caseworker, Day(30));
        CaseScenarios.Step(@case, CaseTrigger.AppealBodyQuashes, CaseActorRole.AppealBody, Day(90), "Synfaring manglar.");
        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Day(100), rulebookVersion: "5028/v1");
        CaseScenarios.Step(@case, CaseTrigger.Close, CaseActorRole.System, Day(130));

        AssertJourneyEndsWith(
            @case,
            (CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyQuashes, CaseState.InAssessment),
            (CaseState.InAssessment, CaseTrigger.Decide, CaseState.Decided),
            (CaseState.Decided, CaseTrigger.Close, CaseState.Closed));
    }

    [Theory]
    [InlineData(CaseTrigger.AppealBodyReverses)]
    [InlineData(CaseTrigger.AppealBodyDismisses)]
    public void The_appeal_bodys_reversal_or_dismissal_is_final(CaseTrigger outcome)
    {
        var @case = CaseScenarios.InState(CaseState.ForwardedToAppealBody);

        CaseScenarios.Step(@case, outcome, CaseActorRole.AppealBody, Day(90));

        Assert.Equal(CaseState.AppealDecided, @case.State);
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.Guardian));
        Assert.Equal([CaseTrigger.Close], @case.PermittedTriggers(CaseActorRole.Caseworker));
    }

    [Fact]
    public void The_first_instance_reverses_its_decision_with_a_new_decision_fvl_33()
    {
        var @case = DecidedCase();

        CaseScenarios.Step(@case, CaseTrigger.ReceiveAppeal, CaseActorRole.Guardian, Day(20));
        CaseScenarios.Step(@case, CaseTrigger.StartFirstInstanceReview, CaseActorRole.Caseworker, Day(21));
        CaseScenarios.Step(@case, CaseTrigger.ReverseDecision, CaseActorRole.Caseworker, Day(25), "Ny synfaring viser at vegskuldra manglar.", "5028/v1");

        Assert.Equal(CaseState.Decided, @case.State);
        Assert.Contains(CaseTrigger.ReceiveAppeal, @case.PermittedTriggers(CaseActorRole.Guardian));
        CaseScenarios.Step(@case, CaseTrigger.Close, CaseActorRole.System, Day(60));
        Assert.Equal(CaseState.Closed, @case.State);
    }

    [Fact]
    public void An_intermediate_body_of_the_municipality_reverses_with_a_new_first_instance_decision()
    {
        var @case = CaseScenarios.InState(CaseState.ForwardedToAppealBody);

        CaseScenarios.Step(@case, CaseTrigger.ReverseDecision, CaseActorRole.AppealBody, Day(45), "Utvalget omgjør vedtaket.", "5028/v1");

        Assert.Equal(CaseState.Decided, @case.State);
    }

    [Fact]
    public void Distance_confirmed_beyond_the_limit_is_referred_to_the_county_by_the_caseworker_and_closed()
    {
        var @case = CaseScenarios.NumberedDraft();

        CaseScenarios.Step(@case, CaseTrigger.Submit, CaseActorRole.Guardian, Day(0));
        Assert.False(@case.Apply(CaseTrigger.ReferToCounty, CaseActor.System("application-submission"), Day(0)).Succeeded);
        CaseScenarios.Step(@case, CaseTrigger.ReferToCounty, CaseActorRole.Caseworker, Day(2), "Stadfesta avstand 4,6 km, trinn 3.");
        CaseScenarios.Step(@case, CaseTrigger.Close, CaseActorRole.System, Day(1));

        AssertJourney(
            @case,
            (CaseState.Draft, CaseTrigger.Submit, CaseState.Submitted),
            (CaseState.Submitted, CaseTrigger.ReferToCounty, CaseState.ReferredToCounty),
            (CaseState.ReferredToCounty, CaseTrigger.Close, CaseState.Closed));
    }

    [Fact]
    public void A_referral_found_within_the_limit_comes_back_for_assessment()
    {
        var @case = CaseScenarios.InState(CaseState.InAssessment);

        CaseScenarios.Step(@case, CaseTrigger.ReferToCounty, CaseActorRole.Caseworker, Day(5));
        CaseScenarios.Step(@case, CaseTrigger.StartAssessment, CaseActorRole.Caseworker, Day(15), "Fylket målte 3,8 km.");
        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Day(20), rulebookVersion: "5028/v1");

        Assert.Equal(CaseState.Decided, @case.State);
    }

    private static SchoolTransportCase DecidedCase()
    {
        var @case = CaseScenarios.NumberedDraft();
        CaseScenarios.Step(@case, CaseTrigger.Submit, CaseActorRole.Guardian, Day(0));
        CaseScenarios.Step(@case, CaseTrigger.StartAssessment, CaseActorRole.Caseworker, Day(1));
        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Day(5), rulebookVersion: "5028/v1");
        return @case;
    }

    private static void AssertJourney(SchoolTransportCase @case, params (CaseState From, CaseTrigger Trigger, CaseState To)[] steps)
    {
        Assert.Equal(steps, @case.Events.Select(e => (e.From, e.Trigger, e.To)));
        Assert.Equal(Enumerable.Range(1, steps.Length), @case.Events.Select(e => e.Sequence));
        Assert.Equal(steps[^1].To, @case.State);
    }

    private static void AssertJourneyEndsWith(SchoolTransportCase @case, params (CaseState From, CaseTrigger Trigger, CaseState To)[] steps)
    {
        Assert.Equal(steps, @case.Events.TakeLast(steps.Length).Select(e => (e.From, e.Trigger, e.To)));
        Assert.Equal(Enumerable.Range(1, @case.Events.Count), @case.Events.Select(e => e.Sequence));
        Assert.Equal(steps[^1].To, @case.State);

        // Each event starts where the previous one ended: the history is an unbroken chain.
        Assert.All(@case.Events.Skip(1).Zip(@case.Events), pair => Assert.Equal(pair.Second.To, pair.First.From));
    }
}
