using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Properties of the transition table itself (DESIGN.md §3): deterministic, complete, without dead ends.</summary>
public class CaseTransitionsTableTests
{
    private static readonly CaseState[] FinalStates = [CaseState.Closed, CaseState.Withdrawn];

    [Fact]
    public void Each_state_and_trigger_has_at_most_one_entry_so_every_step_is_deterministic()
    {
        var duplicates = CaseTransitions.All
            .GroupBy(t => (t.From, t.Trigger))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.From} --{g.Key.Trigger}-->")
            .ToList();

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_state_is_reachable_from_Draft()
    {
        var unreachable = Enum.GetValues<CaseState>().Where(s => CaseGraph.ShortestPath(CaseState.Draft, s) is null);

        Assert.Empty(unreachable);
    }

    [Fact]
    public void Only_Closed_and_Withdrawn_are_final()
    {
        var withoutExit = Enum.GetValues<CaseState>().Where(s => !CaseTransitions.From(s).Any());

        Assert.Equal(FinalStates.Order(), withoutExit.Order());
    }

    [Fact]
    public void From_every_state_the_case_can_still_end_in_a_final_state()
    {
        var deadEnds = Enum.GetValues<CaseState>()
            .Where(s => !FinalStates.Any(f => CaseGraph.ShortestPath(s, f) is not null))
            .ToList();

        Assert.Empty(deadEnds);
    }

    [Fact]
    public void Every_trigger_is_used_by_the_table()
    {
        var unused = Enum.GetValues<CaseTrigger>().Where(t => !CaseTransitions.For(t).Any());

        Assert.Empty(unused);
    }

    [Fact]
    public void Every_entry_names_who_may_take_it_and_its_legal_basis()
    {
        Assert.All(CaseTransitions.All, t =>
        {
            Assert.NotEmpty(t.Roles);
            Assert.Equal(t.Roles.Count, t.Roles.Distinct().Count());
            Assert.False(string.IsNullOrWhiteSpace(t.LegalReference));
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
        });
    }

    [Fact]
    public void The_table_cannot_be_changed_at_run_time()
    {
        var entry = CaseTransitions.All[0];

        Assert.Throws<NotSupportedException>(() => ((IList<CaseTransition>)CaseTransitions.All).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<CaseActorRole>)entry.Roles)[0] = CaseActorRole.System);
    }

    [Fact]
    public void A_guardian_never_decides_only_applies_answers_withdraws_and_appeals()
    {
        var guardianTriggers = CaseTransitions.All.Where(t => t.Allows(CaseActorRole.Guardian)).Select(t => t.Trigger).Distinct().Order();

        Assert.Equal(
            new[] { CaseTrigger.Submit, CaseTrigger.InformationReceived, CaseTrigger.Withdraw, CaseTrigger.ReceiveAppeal, CaseTrigger.WithdrawAppeal }.Order(),
            guardianTriggers);
    }

    [Fact]
    public void The_system_only_closes_it_never_refers_a_case_on_its_own()
    {
        var systemTriggers = CaseTransitions.All.Where(t => t.Allows(CaseActorRole.System)).Select(t => t.Trigger).Distinct().Order();

        // Issue 11: a referral rests on a distance the caseworker confirmed, never on the guardian's estimate at submission.
        Assert.Equal(new[] { CaseTrigger.Close }, systemTriggers);
    }

    [Fact]
    public void Only_the_appeal_body_registers_the_appeal_bodys_decision_fvl_34()
    {
        CaseTrigger[] outcomes = [CaseTrigger.AppealBodyUpholds, CaseTrigger.AppealBodyReverses, CaseTrigger.AppealBodyQuashes, CaseTrigger.AppealBodyDismisses];

        Assert.All(CaseTransitions.All.Where(t => outcomes.Contains(t.Trigger)), t =>
        {
            Assert.Equal(CaseState.ForwardedToAppealBody, t.From);
            Assert.Equal([CaseActorRole.AppealBody], t.Roles);
            Assert.StartsWith("fvl. § 34", t.LegalReference, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_appeal_body_acts_only_on_cases_forwarded_to_it()
    {
        Assert.All(CaseTransitions.All.Where(t => t.Allows(CaseActorRole.AppealBody)), t => Assert.Equal(CaseState.ForwardedToAppealBody, t.From));
    }

    [Fact]
    public void A_decision_on_the_merits_records_the_rulebook_version_it_applied()
    {
        Assert.All(
            CaseTransitions.All.Where(t => t.Trigger is CaseTrigger.Decide or CaseTrigger.ReverseDecision),
            t => Assert.True(t.RulebookVersionRequired, $"{t.From} --{t.Trigger}-->"));
    }

    [Fact]
    public void Dismissing_a_late_appeal_and_reopening_a_decision_must_be_reasoned_fvl_31_and_35()
    {
        Assert.All(
            CaseTransitions.All.Where(t => t.Trigger is CaseTrigger.DismissLateAppeal or CaseTrigger.ReopenForChange),
            t => Assert.True(t.ReasonRequired, $"{t.From} --{t.Trigger}-->"));
    }

    [Fact]
    public void Dismissals_and_reversals_by_the_first_instance_are_new_decisions_that_can_be_appealed()
    {
        Assert.All(
            CaseTransitions.All.Where(t => t.Trigger is CaseTrigger.DismissLateAppeal or CaseTrigger.ReverseDecision),
            t => Assert.Equal(CaseState.Decided, t.To));
        Assert.NotNull(CaseTransitions.Find(CaseState.Decided, CaseTrigger.ReceiveAppeal));
    }

    [Fact]
    public void The_final_appeal_decision_cannot_be_appealed_fvl_28_third_paragraph()
    {
        Assert.Equal([CaseTrigger.Close], CaseTransitions.From(CaseState.AppealDecided).Select(t => t.Trigger));
    }
}
