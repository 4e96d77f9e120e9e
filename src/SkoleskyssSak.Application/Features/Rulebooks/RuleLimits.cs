using FluentValidation;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Limits and the common reading of a rule row's form, shared by EditRule and AddRule.</summary>
public static class RuleLimits
{
    public const int TextLength = 4000;
    public const int ConditionsLength = 8000;

    /// <summary>"prefix/ROW", e.g. melhus/T1-19 or sunnfjord/K-BRU-UNDERGANG.</summary>
    public const string IdPattern = "^[a-z0-9-]{1,30}/[A-Za-z0-9._-]{1,60}$";

    /// <summary>
    /// A validator's check of a row's outcomes (against the draft's grade bands) and conditions (the JSON). Empty or
    /// too long conditions are the validator's own rules; the JSON is read only when they pass.
    /// </summary>
    internal static void CheckRow<T>(ValidationContext<T> context, IReadOnlyDictionary<string, string?> chosen, string? conditions, IReadOnlyList<string> bands)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        RulebookOutcomes.Parse(chosen, bands, errors);
        if (!string.IsNullOrWhiteSpace(conditions) && conditions.Length <= ConditionsLength)
        {
            RuleConditionsJson.Parse(conditions, out var problems);
            if (problems.Count > 0)
            {
                errors["Conditions"] = [.. problems];
            }
        }

        RulebookDrafts.AddFailures(context, errors);
    }

    /// <summary>The row as the handler stores it; errors (should the draft have changed since the validator read it) as in <see cref="CheckRow{T}"/>.</summary>
    internal static (LegCondition When, IReadOnlyDictionary<string, TransportOutcome> Outcomes)? ReadRow(
        IReadOnlyDictionary<string, string?> chosen, string? conditions, IReadOnlyList<string> bands, Dictionary<string, string[]> errors)
    {
        var outcomes = RulebookOutcomes.Parse(chosen, bands, errors);
        LegCondition? when = null;
        if (!errors.ContainsKey("Conditions"))
        {
            when = RuleConditionsJson.Parse(conditions, out var problems);
            if (problems.Count > 0)
            {
                errors["Conditions"] = [.. problems];
            }
        }

        return when is null ? null : (when, outcomes);
    }
}
