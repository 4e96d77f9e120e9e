using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>The rules of issues 4–6 and forvaltningsloven that the state machine pins, one test each.</summary>
public class CaseRuleTests
{
    private static readonly DateTimeOffset Later = CaseScenarios.Start.AddMonths(2);

    [Theory]
    [InlineData(CaseState.Submitted)]
    [InlineData(CaseState.InAssessment)]
    [InlineData(CaseState.AwaitingInformation)]
    public void Withdraw_is_possible_before_a_decision_issue_4(CaseState state)
    {
        var @case = CaseScenarios.InState(state);

        var result = @case.Apply(CaseTrigger.Withdraw, CaseScenarios.Actor(CaseActorRole.Guardian), Later);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(CaseState.Withdrawn, @case.State);
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.Guardian));
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.Caseworker));
    }

    [Theory]
    [InlineData(CaseState.Decided)]
    [InlineData(CaseState.AppealReceived)]
    [InlineData(CaseState.FirstInstanceReview)]
    [InlineData(CaseState.ForwardedToAppealBody)]
    [InlineData(CaseState.AppealDecided)]
    public void Withdraw_is_refused_once_a_decision_is_made_issue_4(CaseState state)
    {
        var @case = CaseScenarios.InState(state);
        var eventCount = @case.Events.Count;

        var result = @case.Apply(CaseTrigger.Withdraw, CaseScenarios.Actor(CaseActorRole.Guardian), Later);

        Assert.Equal(CaseTransitionErrorType.Conflict, result.ErrorType);
        Assert.Contains("berre trekkjast før vedtak", result.Reason, StringComparison.Ordinal);
        Assert.Contains("bare trekkes før det er fattet vedtak", result.Reason, StringComparison.Ordinal);
        Assert.Equal("fvl. §§ 28 og 35", result.LegalReference);
        Assert.Equal(state, @case.State);
        Assert.Equal(eventCount, @case.Events.Count);
    }

    [Theory]
    [InlineData(CaseState.Draft)] // a draft is discarded, not withdrawn: it was never journaled
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.Withdrawn)]
    [InlineData(CaseState.ReferredToCounty)]
    public void Withdraw_is_refused_where_there_is_no_pending_application(CaseState state)
    {
        var result = CaseScenarios.InState(state).Apply(CaseTrigger.Withdraw, CaseScenarios.Actor(CaseActorRole.Guardian), Later);

        Assert.Equal(CaseTransitionErrorType.Conflict, result.ErrorType);
    }

    [Fact]
    public void A_withdrawn_appeal_leaves_the_decision_standing()
    {
        var @case = CaseScenarios.InState(CaseState.FirstInstanceReview);

        CaseScenarios.Step(@case, CaseTrigger.WithdrawAppeal, CaseActorRole.Guardian, Later);

        Assert.Equal(CaseState.Decided, @case.State);
    }

    [Fact]
    public void A_quashed_appeal_decision_reopens_the_case_at_the_municipality_fvl_34()
    {
        var @case = CaseScenarios.InState(CaseState.ForwardedToAppealBody);

        var quash = CaseScenarios.Step(@case, CaseTrigger.AppealBodyQuashes, CaseActorRole.AppealBody, Later, "Saka er ikkje godt nok opplyst (fvl. § 17).");

        Assert.Equal(CaseState.InAssessment, @case.State);
        Assert.Equal(CaseState.ForwardedToAppealBody, quash.From);
        Assert.Equal(CaseTrigger.AppealBodyQuashes, quash.Trigger);
        Assert.Contains(CaseTrigger.Decide, @case.PermittedTriggers(CaseActorRole.Caseworker));
        Assert.Contains(CaseTrigger.RequestInformation, @case.PermittedTriggers(CaseActorRole.Caseworker));
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.AppealBody));

        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Later.AddDays(20), rulebookVersion: "5028/v2");

        Assert.Equal(CaseState.Decided, @case.State);
        Assert.Contains(CaseTrigger.ReceiveAppeal, @case.PermittedTriggers(CaseActorRole.Guardian));
    }

    [Theory]
    [InlineData(CaseActorRole.Guardian)]
    [InlineData(CaseActorRole.Caseworker)]
    [InlineData(CaseActorRole.System)]
    public void Only_the_appeal_body_can_quash(CaseActorRole role)
    {
        var @case = CaseScenarios.InState(CaseState.ForwardedToAppealBody);

        var result = @case.Apply(CaseTrigger.AppealBodyQuashes, CaseScenarios.Actor(role), Later);

        Assert.Equal(CaseTransitionErrorType.Forbidden, result.ErrorType);
        Assert.Equal("fvl. § 34 fjerde ledd", result.LegalReference);
        Assert.Equal(CaseState.ForwardedToAppealBody, @case.State);
    }

    [Fact]
    public void A_decided_case_cannot_be_edited_only_changed_by_a_new_decision_or_an_appeal_issue_5()
    {
        var @case = CaseScenarios.InState(CaseState.Decided);

        Assert.Equal([CaseTrigger.ReceiveAppeal, CaseTrigger.ReopenForChange, CaseTrigger.Close], @case.PermittedTriggers(CaseActorRole.Caseworker));
        Assert.Equal([CaseTrigger.ReceiveAppeal], @case.PermittedTriggers(CaseActorRole.Guardian));
        Assert.Empty(@case.PermittedTriggers(CaseActorRole.AppealBody));
        Assert.Equal([CaseTrigger.Close], @case.PermittedTriggers(CaseActorRole.System));

        foreach (var trigger in new[] { CaseTrigger.Decide, CaseTrigger.StartAssessment, CaseTrigger.RequestInformation, CaseTrigger.InformationReceived, CaseTrigger.ReferToCounty, CaseTrigger.Submit })
        {
            var result = @case.Apply(trigger, CaseScenarios.Actor(CaseActorRole.Caseworker), Later, CaseScenarios.Reason, CaseScenarios.RulebookVersion);
            Assert.Equal(CaseTransitionErrorType.Conflict, result.ErrorType);
            Assert.Contains("kan berre endrast ved klage eller nytt vedtak", result.Reason, StringComparison.Ordinal);
            Assert.Equal("fvl. §§ 28 og 35", result.LegalReference);
        }

        Assert.Equal(CaseState.Decided, @case.State);
    }

    [Fact]
    public void A_change_decision_reopens_the_case_and_keeps_the_first_decision_in_the_history_fvl_35()
    {
        var @case = CaseScenarios.InState(CaseState.Decided);
        var firstDecision = @case.Events.Single(e => e.Trigger == CaseTrigger.Decide);

        CaseScenarios.Step(@case, CaseTrigger.ReopenForChange, CaseActorRole.Caseworker, Later, "Ny adresse frå 1. oktober.");
        CaseScenarios.Step(@case, CaseTrigger.Decide, CaseActorRole.Caseworker, Later.AddDays(3), rulebookVersion: "5028/v2");

        Assert.Equal(CaseState.Decided, @case.State);
        var decisions = @case.Events.Where(e => e.Trigger == CaseTrigger.Decide).ToList();
        Assert.Equal(2, decisions.Count);
        Assert.Same(firstDecision, decisions[0]);
        Assert.Equal(CaseScenarios.RulebookVersion, decisions[0].RulebookVersion);
        Assert.Equal("5028/v2", decisions[1].RulebookVersion);
    }

    [Fact]
    public void Reopening_a_decision_must_say_why_fvl_35()
    {
        var @case = CaseScenarios.InState(CaseState.Decided);

        var result = @case.Apply(CaseTrigger.ReopenForChange, CaseScenarios.Actor(CaseActorRole.Caseworker), Later, "   ");

        Assert.Equal(CaseTransitionErrorType.BadRequest, result.ErrorType);
        Assert.Equal("fvl. § 35", result.LegalReference);
        Assert.Equal(CaseState.Decided, @case.State);
    }

    [Theory]
    [InlineData(CaseState.AppealReceived)]
    [InlineData(CaseState.FirstInstanceReview)]
    public void Dismissing_a_late_appeal_is_a_reasoned_decision_that_can_itself_be_appealed_fvl_31(CaseState state)
    {
        var @case = CaseScenarios.InState(state);

        var unreasoned = @case.Apply(CaseTrigger.DismissLateAppeal, CaseScenarios.Actor(CaseActorRole.Caseworker), Later);
        Assert.Equal(CaseTransitionErrorType.BadRequest, unreasoned.ErrorType);
        Assert.Equal(state, @case.State);

        var dismissal = CaseScenarios.Step(@case, CaseTrigger.DismissLateAppeal, CaseActorRole.Caseworker, Later, "Klaga kom fem veker etter fristen, utan grunn til å sjå bort frå det.");

        Assert.Equal(CaseState.Decided, @case.State);
        Assert.Equal("Klaga kom fem veker etter fristen, utan grunn til å sjå bort frå det.", dismissal.Reason);
        CaseScenarios.Step(@case, CaseTrigger.ReceiveAppeal, CaseActorRole.Guardian, Later.AddDays(7));
        Assert.Equal(CaseState.AppealReceived, @case.State);
    }

    [Fact]
    public void A_decision_records_the_rulebook_version_it_applied()
    {
        var @case = CaseScenarios.InState(CaseState.InAssessment);

        var missing = @case.Apply(CaseTrigger.Decide, CaseScenarios.Actor(CaseActorRole.Caseworker), Later);

        Assert.Equal(CaseTransitionErrorType.BadRequest, missing.ErrorType);
        Assert.Equal("fvl. § 25", missing.LegalReference);
        Assert.Equal(CaseState.InAssessment, @case.State);
    }

    [Theory]
    [InlineData("4647/v1")] // another municipality's rulebook
    [InlineData("5028")]
    [InlineData("5028/v")]
    [InlineData("5028/v0")]
    [InlineData("5028/vx")]
    [InlineData("5028/v1 extra")]
    [InlineData("v1")]
    public void A_decision_applies_a_rulebook_version_of_its_own_municipality(string label)
    {
        var @case = CaseScenarios.InState(CaseState.InAssessment);

        var result = @case.Apply(CaseTrigger.Decide, CaseScenarios.Actor(CaseActorRole.Caseworker), Later, rulebookVersion: label);

        Assert.Equal(CaseTransitionErrorType.BadRequest, result.ErrorType);
        Assert.Equal(CaseState.InAssessment, @case.State);
    }

    [Fact]
    public void A_reason_longer_than_an_event_holds_is_refused()
    {
        var @case = CaseScenarios.InState(CaseState.Decided);

        var result = @case.Apply(CaseTrigger.ReopenForChange, CaseScenarios.Actor(CaseActorRole.Caseworker), Later, new string('x', SchoolTransportCase.MaxReasonLength + 1));

        Assert.Equal(CaseTransitionErrorType.BadRequest, result.ErrorType);
        Assert.Equal(CaseState.Decided, @case.State);
    }

    [Fact]
    public void Submit_needs_the_case_number_first()
    {
        var draft = SchoolTransportCase.CreateDraft(Guid.NewGuid(), CaseScenarios.Municipality, CaseScenarios.Start);

        var refused = draft.Apply(CaseTrigger.Submit, CaseScenarios.Actor(CaseActorRole.Guardian), CaseScenarios.Start);

        Assert.Equal(CaseTransitionErrorType.Conflict, refused.ErrorType);
        Assert.Equal(CaseState.Draft, draft.State);
        Assert.Empty(draft.Events);
        Assert.Contains(CaseTrigger.Submit, draft.PermittedTriggers(CaseActorRole.Guardian));

        Assert.True(draft.TryAssignCaseNumber(CaseNumber.Parse("2026/00042")));
        CaseScenarios.Step(draft, CaseTrigger.Submit, CaseActorRole.Guardian, CaseScenarios.Start);

        Assert.Equal(CaseState.Submitted, draft.State);
        Assert.Equal("2026/00042", draft.CaseNumber?.ToString());
    }

    [Fact]
    public void A_case_number_is_given_once_and_only_to_a_draft()
    {
        var draft = CaseScenarios.NumberedDraft();

        Assert.False(draft.TryAssignCaseNumber(CaseNumber.Create(2026, 43)));
        Assert.Equal(CaseNumber.Create(2026, 42), draft.CaseNumber);

        var submitted = CaseScenarios.InState(CaseState.Submitted);
        Assert.False(submitted.TryAssignCaseNumber(CaseNumber.Create(2026, 44)));
    }

    [Fact]
    public void Submitting_twice_gives_one_submission()
    {
        var @case = CaseScenarios.NumberedDraft();
        CaseScenarios.Step(@case, CaseTrigger.Submit, CaseActorRole.Guardian, CaseScenarios.Start);

        var second = @case.Apply(CaseTrigger.Submit, CaseScenarios.Actor(CaseActorRole.Guardian), CaseScenarios.Start);

        Assert.Equal(CaseTransitionErrorType.Conflict, second.ErrorType);
        Assert.Single(@case.Events);
    }

    [Fact]
    public void A_new_draft_has_no_number_no_events_and_only_submit_to_offer()
    {
        var id = Guid.NewGuid();

        var draft = SchoolTransportCase.CreateDraft(id, "4647", CaseScenarios.Start);

        Assert.Equal(id, draft.Id);
        Assert.Equal("4647", draft.MunicipalityNumber);
        Assert.Equal(CaseState.Draft, draft.State);
        Assert.Null(draft.CaseNumber);
        Assert.Equal(CaseScenarios.Start, draft.CreatedAt);
        Assert.Empty(draft.Events);
        Assert.Equal([CaseTrigger.Submit], draft.PermittedTriggers(CaseActorRole.Guardian));
    }

    [Theory]
    [InlineData("")]
    [InlineData("502")]
    [InlineData("50288")]
    [InlineData("50a8")]
    public void A_case_belongs_to_a_municipality_with_a_four_digit_number(string municipalityNumber)
    {
        Assert.Throws<ArgumentException>(() => SchoolTransportCase.CreateDraft(Guid.NewGuid(), municipalityNumber, CaseScenarios.Start));
    }

    [Theory]
    [InlineData("01019000083")]
    [InlineData("citizen-01019000083")]
    [InlineData("")]
    [InlineData("  ")]
    public void An_actor_id_is_pseudonymous_never_a_fodselsnummer_ADR_0004(string id)
    {
        Assert.ThrowsAny<ArgumentException>(() => new CaseActor(id, CaseActorRole.Guardian));
    }

    [Fact]
    public void Events_cannot_be_altered_through_the_case()
    {
        var @case = CaseScenarios.InState(CaseState.InAssessment);

        Assert.IsNotType<List<CaseEvent>>(@case.Events);
        Assert.Throws<NotSupportedException>(() => ((IList<CaseEvent>)@case.Events).Clear());
    }
}
