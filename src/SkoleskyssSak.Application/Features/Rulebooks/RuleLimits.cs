using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Limits and the common reading of a rule row's form, shared by EditRule and AddRule.</summary>
public static class RuleLimits
{
    public const int TextLength = 4000;
    public const int ConditionsLength = 8000;

    /// <summary>"prefix/ROW", e.g. melhus/T1-19 or sunnfjord/K-BRU-UNDERGANG.</summary>
    public const string IdPattern = "^[a-z0-9-]{1,30}/[A-Za-z0-9._-]{1,60}$";

    internal static (LegCondition When, IReadOnlyDictionary<string, TransportOutcome> Outcomes)? ReadRow(
        IReadOnlyDictionary<string, string?> chosen, string? conditions, IReadOnlyList<string> bands, Dictionary<string, string[]> errors)
    {
        var outcomes = RulebookAdmin.ParseOutcomes(chosen, bands, errors);
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
