using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>
/// The table is the only way a case changes state (DESIGN.md §3 and §9): every entry works for every role it names,
/// and every other combination of state, trigger and role is refused without changing anything.
/// </summary>
public class CaseStateMachineTests
{
    public static TheoryData<CaseState, CaseTrigger, CaseActorRole> PermittedCombinations
    {
        get
        {
            var data = new TheoryData<CaseState, CaseTrigger, CaseActorRole>();
            foreach (var transition in CaseTransitions.All)
            {
                foreach (var role in transition.Roles)
                {
                    data.Add(transition.From, transition.Trigger, role);
                }
            }

            return data;
        }
    }

    public static TheoryData<CaseState, CaseTrigger, CaseActorRole> RefusedCombinations
    {
        get
        {
            var data = new TheoryData<CaseState, CaseTrigger, CaseActorRole>();
            foreach (var state in Enum.GetValues<CaseState>())
            {
                foreach (var trigger in Enum.GetValues<CaseTrigger>())
                {
                    foreach (var role in Enum.GetValues<CaseActorRole>())
                    {
                        if (CaseTransitions.Find(state, trigger)?.Allows(role) != true)
                        {
                            data.Add(state, trigger, role);
                        }
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PermittedCombinations))]
    public void Every_permitted_transition_succeeds_and_appends_exactly_one_event(CaseState from, CaseTrigger trigger, CaseActorRole role)
    {
        var transition = CaseTransitions.Find(from, trigger)!;
        var @case = CaseScenarios.InState(from);
        var eventsBefore = @case.Events.ToList();
        var actor = CaseScenarios.Actor(role);
        var now = new DateTimeOffset(2026, 12, 24, 13, 37, 0, TimeSpan.FromHours(1));

        var result = @case.Apply(trigger, actor, now, "  Grunngiving.  ", " 5028/v2 ");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Null(result.ErrorType);
        Assert.Null(result.Reason);
        Assert.Equal(transition.To, @case.State);
        Assert.Equal(eventsBefore.Count + 1, @case.Events.Count);
        Assert.Equal(eventsBefore, @case.Events.Take(eventsBefore.Count));
        var appended = @case.Events[^1];
        Assert.Same(appended, result.Event);
        Assert.NotEqual(Guid.Empty, appended.Id);
        Assert.DoesNotContain(appended.Id, eventsBefore.Select(e => e.Id));
        Assert.Equal(@case.Id, appended.CaseId);
        Assert.Equal(eventsBefore.Count + 1, appended.Sequence);
        Assert.Equal(now, appended.OccurredAt);
        Assert.Equal(actor.Id, appended.ActorId);
        Assert.Equal(role, appended.ActorRole);
        Assert.Equal(from, appended.From);
        Assert.Equal(transition.To, appended.To);
        Assert.Equal(trigger, appended.Trigger);
        Assert.Equal("Grunngiving.", appended.Reason);
        Assert.Equal("5028/v2", appended.RulebookVersion);
    }

    [Theory]
    [MemberData(nameof(RefusedCombinations))]
    public void Every_combination_not_in_the_table_is_refused_and_changes_nothing(CaseState state, CaseTrigger trigger, CaseActorRole role)
    {
        var @case = CaseScenarios.InState(state);
        var eventsBefore = @case.Events.ToList();
        var caseNumberBefore = @case.CaseNumber;

        var result = @case.Apply(trigger, CaseScenarios.Actor(role), CaseScenarios.Start.AddYears(1), CaseScenarios.Reason, CaseScenarios.RulebookVersion);

        Assert.False(result.Succeeded);
        Assert.Null(result.Event);
        var expected = CaseTransitions.Find(state, trigger) is null ? CaseTransitionErrorType.Conflict : CaseTransitionErrorType.Forbidden;
        Assert.Equal(expected, result.ErrorType);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Contains(" / ", result.Reason, StringComparison.Ordinal); // Nynorsk / Bokmål
        Assert.False(string.IsNullOrWhiteSpace(result.LegalReference));
        Assert.Equal(state, @case.State);
        Assert.Equal(eventsBefore, @case.Events);
        Assert.Equal(caseNumberBefore, @case.CaseNumber);
    }

    [Fact]
    public void The_combinations_cover_every_state_trigger_and_role_exactly_once()
    {
        var total = Enum.GetValues<CaseState>().Length * Enum.GetValues<CaseTrigger>().Length * Enum.GetValues<CaseActorRole>().Length;

        Assert.Equal(total, PermittedCombinations.Count + RefusedCombinations.Count);
    }

    [Theory]
    [MemberData(nameof(AllStatesAndRoles))]
    public void PermittedTriggers_offers_exactly_what_Apply_accepts(CaseState state, CaseActorRole role)
    {
        var offered = CaseScenarios.InState(state).PermittedTriggers(role);

        var accepted = Enum.GetValues<CaseTrigger>()
            .Where(trigger => CaseScenarios.InState(state)
                .Apply(trigger, CaseScenarios.Actor(role), CaseScenarios.Start.AddYears(1), CaseScenarios.Reason, CaseScenarios.RulebookVersion)
                .Succeeded);

        Assert.Equal(accepted.Order(), offered.Order());
        Assert.Equal(offered.Count, offered.Distinct().Count());
    }

    public static TheoryData<CaseState, CaseActorRole> AllStatesAndRoles
    {
        get
        {
            var data = new TheoryData<CaseState, CaseActorRole>();
            foreach (var state in Enum.GetValues<CaseState>())
            {
                foreach (var role in Enum.GetValues<CaseActorRole>())
                {
                    data.Add(state, role);
                }
            }

            return data;
        }
    }
}
