namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// One row of a municipality's objective matrix: a stable id (e.g. <c>melhus/T1-08</c>), the row's text as
/// published, its conditions over a route leg, and the outcome per grade range. Grades no range covers get
/// <see cref="TransportOutcome.None"/> from this row.
/// </summary>
public sealed class MatrixRule
{
    private readonly (GradeRange Range, TransportOutcome Outcome)[] outcomes;
    private readonly CompiledCondition compiled;

    public MatrixRule(string id, string text, LegCondition when, IReadOnlyDictionary<string, TransportOutcome> outcomesByGrades, string? note = null, bool unconfirmed = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = id;
        Text = text;
        When = when;
        Note = note;
        Unconfirmed = unconfirmed;
        OutcomesByGrades = outcomesByGrades;
        outcomes = outcomesByGrades.Select(pair => (GradeRange.Parse(pair.Key), pair.Value)).ToArray();
        compiled = when.Compile();
    }

    public string Id { get; }

    /// <summary>The row as published (Norwegian), quoted in explanations and decisions.</summary>
    public string Text { get; }

    public LegCondition When { get; }

    /// <summary>Why the row is encoded as it is, where the text needs interpretation (OCR, reconstruction).</summary>
    public string? Note { get; }

    public IReadOnlyDictionary<string, TransportOutcome> OutcomesByGrades { get; }

    /// <summary>
    /// The row's outcome is not in the published text and the municipality has not confirmed it (Sunnfjord's matrix
    /// colours, seed 001 section 6): it gives no outcome, and a leg it matches needs a manual assessment unless a
    /// confirmed row already gives transport all year. <see cref="OutcomesByGrades"/> then holds the reconstruction
    /// proposed to the municipality.
    /// </summary>
    public bool Unconfirmed { get; }

    public bool Matches(Routes.RouteLeg leg) => compiled.Matches(leg);

    public TransportOutcome OutcomeFor(int grade)
    {
        foreach (var (range, outcome) in outcomes)
        {
            if (range.Contains(grade))
            {
                return outcome;
            }
        }

        return TransportOutcome.None;
    }
}
