using System.Text.Json;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// The reading of a row's or segment's outcomes per grade band, as the admin's form shows and posts them
/// ("yearRound", "winter", "considerWinter", "none", or empty for none chosen).
/// </summary>
public static class RulebookOutcomes
{
    public static readonly IReadOnlyList<string> OutcomeNames = Enum.GetValues<TransportOutcome>().Select(OutcomeName).ToArray();

    public static string OutcomeName(TransportOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    /// <summary>
    /// The outcome a grade band of the form shows for a row: the row's outcome when it covers every grade of the
    /// band with one outcome, otherwise none chosen (empty).
    /// </summary>
    public static string BandValue(IReadOnlyDictionary<string, TransportOutcome> outcomes, string band)
    {
        var range = GradeRange.Parse(band);
        TransportOutcome? found = null;
        for (var grade = range.From; grade <= range.To; grade++)
        {
            var explicitOutcome = Explicit(outcomes, grade);
            if (explicitOutcome is null || (found is not null && found != explicitOutcome))
            {
                return string.Empty;
            }

            found = explicitOutcome;
        }

        return found is { } outcome ? OutcomeName(outcome) : string.Empty;
    }

    /// <summary>The outcome a row states for a grade, or null when none of its grade ranges covers it.</summary>
    public static TransportOutcome? Explicit(IReadOnlyDictionary<string, TransportOutcome> outcomes, int grade)
    {
        foreach (var (grades, outcome) in outcomes)
        {
            if (TryRange(grades, out var range) && range.Contains(grade))
            {
                return outcome;
            }
        }

        return null;
    }

    public static bool TryRange(string text, out GradeRange range)
    {
        try
        {
            range = GradeRange.Parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            range = default;
            return false;
        }
    }

    /// <summary>
    /// The outcomes chosen per grade band of the rulebook (band → "yearRound" … or empty for none chosen).
    /// Unknown bands or values are errors under "Outcomes[band]".
    /// </summary>
    internal static Dictionary<string, TransportOutcome> Parse(
        IReadOnlyDictionary<string, string?> chosen, IReadOnlyList<string> bands, Dictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, TransportOutcome>(StringComparer.Ordinal);
        foreach (var (band, value) in chosen)
        {
            if (!bands.Contains(band))
            {
                errors[$"Outcomes[{band}]"] = [AdminTexts.Format("UnknownBand", band, string.Join(", ", bands))];
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var outcome = Enum.GetValues<TransportOutcome>().Where(o => OutcomeName(o) == value.Trim()).Cast<TransportOutcome?>().FirstOrDefault();
            if (outcome is null)
            {
                errors[$"Outcomes[{band}]"] = [AdminTexts.Format("UnknownOutcome", value, string.Join(", ", OutcomeNames))];
                continue;
            }

            result[band] = outcome.Value;
        }

        // In the order of the published columns.
        return bands.Where(result.ContainsKey).ToDictionary(b => b, b => result[b], StringComparer.Ordinal);
    }
}
