namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// A pre-assessed road segment (definert / forhåndsvurdert strekning) of a school, with the municipality's
/// verdict per grade range. A route that uses it gets the verdict directly.
/// </summary>
public sealed record DefinedSegment(
    string Id,
    string School,
    string Road,
    string Description,
    int? Aadt,
    string? SpeedLimit,
    string? WalkableSideArea,
    string? Lighting,
    string? FootAndCyclePath,
    string? Crosswalk,
    IReadOnlyDictionary<string, TransportOutcome> Outcomes,
    string Assessment)
{
    public TransportOutcome OutcomeFor(int grade)
    {
        foreach (var (grades, outcome) in Outcomes)
        {
            if (GradeRange.Parse(grades).Contains(grade))
            {
                return outcome;
            }
        }

        return TransportOutcome.None;
    }
}
