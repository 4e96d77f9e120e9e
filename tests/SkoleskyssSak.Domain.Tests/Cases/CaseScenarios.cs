using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Builds cases in any state by walking the transition table itself (shortest path from Draft).</summary>
internal static class CaseScenarios
{
    public const string Municipality = "5028";
    public const string RulebookVersion = "5028/v1";
    public const string Reason = "Grunngiving for steget.";

    public static readonly DateTimeOffset Start = new(2026, 8, 3, 9, 0, 0, TimeSpan.FromHours(2));

    public static CaseActor Actor(CaseActorRole role) => role switch
    {
        CaseActorRole.Guardian => new CaseActor("c-0123456789abcdef01234567", role),
        CaseActorRole.Caseworker => new CaseActor("staff-caseworker-1", role),
        CaseActorRole.AppealBody => new CaseActor("staff-sf-trondelag-1", role),
        CaseActorRole.System => CaseActor.System("job:test"),
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>A draft that already has its case number, so that only the table can refuse a submit.</summary>
    public static SchoolTransportCase NumberedDraft()
    {
        var draft = SchoolTransportCase.CreateDraft(Guid.NewGuid(), Municipality, Start);
        Assert.True(draft.TryAssignCaseNumber(CaseNumber.Create(2026, 42)));
        return draft;
    }

    /// <summary>A case brought to <paramref name="state"/> by the shortest path of the table, each step by a permitted role.</summary>
    public static SchoolTransportCase InState(CaseState state)
    {
        var @case = NumberedDraft();
        var now = Start;
        foreach (var step in PathFromDraft(state))
        {
            now = now.AddDays(1);
            var result = @case.Apply(step.Trigger, Actor(step.Roles[0]), now, Reason, RulebookVersion);
            Assert.True(result.Succeeded, $"{step.From} --{step.Trigger}--> {step.To}: {result.Reason}");
        }

        Assert.Equal(state, @case.State);
        return @case;
    }

    /// <summary>The shortest sequence of table entries from Draft to <paramref name="target"/>.</summary>
    public static IReadOnlyList<CaseTransition> PathFromDraft(CaseState target) =>
        CaseGraph.ShortestPath(CaseState.Draft, target) ?? throw new InvalidOperationException($"{target} cannot be reached from Draft.");

    /// <summary>Applies a step that must succeed and returns its event.</summary>
    public static CaseEvent Step(
        SchoolTransportCase @case,
        CaseTrigger trigger,
        CaseActorRole role,
        DateTimeOffset now,
        string? reason = null,
        string? rulebookVersion = null)
    {
        var result = @case.Apply(trigger, Actor(role), now, reason, rulebookVersion);
        Assert.True(result.Succeeded, $"{trigger} by {role}: {result.Reason}");
        Assert.NotNull(result.Event);
        return result.Event;
    }
}
