using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>The transition table read as a graph of states.</summary>
internal static class CaseGraph
{
    /// <summary>The shortest sequence of table entries from <paramref name="from"/> to <paramref name="target"/>, or null when unreachable.</summary>
    public static IReadOnlyList<CaseTransition>? ShortestPath(CaseState from, CaseState target)
    {
        var cameBy = new Dictionary<CaseState, CaseTransition?> { [from] = null };
        var queue = new Queue<CaseState>([from]);
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            if (state == target)
            {
                var path = new List<CaseTransition>();
                for (var at = state; cameBy[at] is { } step; at = step.From)
                {
                    path.Insert(0, step);
                }

                return path;
            }

            foreach (var transition in CaseTransitions.From(state).Where(t => !cameBy.ContainsKey(t.To)))
            {
                cameBy[transition.To] = transition;
                queue.Enqueue(transition.To);
            }
        }

        return null;
    }
}
