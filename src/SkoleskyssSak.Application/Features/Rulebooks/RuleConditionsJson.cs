using System.Text.Json;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Reads the conditions of a rule row as the admin writes them: the JSON of <see cref="LegCondition"/> in the
/// rulebook document's form (RulebookDocument.JsonOptions). Every problem gets a Norwegian message naming the
/// field and, for unknown values, the values that are allowed; nothing is guessed.
/// </summary>
public static class RuleConditionsJson
{
    private static readonly Dictionary<string, FieldKind> Fields = new(StringComparer.Ordinal)
    {
        ["kind"] = FieldKind.Kind,
        ["roadCategories"] = FieldKind.RoadCategories,
        ["speedMin"] = FieldKind.Number,
        ["speedMax"] = FieldKind.Number,
        ["aadtMin"] = FieldKind.Number,
        ["aadtMax"] = FieldKind.Number,
        ["pedestrianFacilities"] = FieldKind.PedestrianFacilities,
        ["walkableSideAreas"] = FieldKind.Coverages,
        ["lightings"] = FieldKind.Coverages,
        ["crossingFacilities"] = FieldKind.CrossingFacilities,
        ["secured"] = FieldKind.Boolean,
        ["roadworks"] = FieldKind.Boolean,
        ["doubleSidedObstacle"] = FieldKind.Boolean,
        ["roadFunctions"] = FieldKind.RoadFunctions,
        ["stopSightBelowM"] = FieldKind.Number,
    };

    private enum FieldKind
    {
        Kind,
        RoadCategories,
        PedestrianFacilities,
        Coverages,
        CrossingFacilities,
        RoadFunctions,
        Number,
        Boolean,
    }

    /// <summary>The conditions as the editor shows them: indented JSON, unset conditions left out.</summary>
    public static string Write(LegCondition condition) => JsonSerializer.Serialize(condition, RulebookDocument.JsonOptions);

    /// <summary>Parses <paramref name="json"/>; on failure <paramref name="errors"/> says what is wrong and the condition is null.</summary>
    public static LegCondition? Parse(string? json, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add(AdminTexts.Get("ConditionsRequired"));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add(AdminTexts.Format("ConditionsNotJson", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1));
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add(AdminTexts.Get("ConditionsNotObject"));
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                Check(property, problems);
            }

            if (problems.Count > 0)
            {
                return null;
            }

            LegCondition? condition;
            try
            {
                condition = document.RootElement.Deserialize<LegCondition>(RulebookDocument.JsonOptions);
            }
            catch (JsonException e)
            {
                // Checked above; this is the safety net for whatever the checks missed.
                problems.Add(AdminTexts.Format("ConditionsUnreadable", e.Path ?? "$"));
                return null;
            }

            if (condition is null)
            {
                problems.Add(AdminTexts.Get("ConditionsNotObject"));
                return null;
            }

            if (condition.SpeedMin > condition.SpeedMax)
            {
                problems.Add(AdminTexts.Format("ConditionsRangeReversed", "speedMin", "speedMax"));
            }

            if (condition.AadtMin > condition.AadtMax)
            {
                problems.Add(AdminTexts.Format("ConditionsRangeReversed", "aadtMin", "aadtMax"));
            }

            return problems.Count == 0 ? condition : null;
        }
    }

    private static void Check(JsonProperty property, List<string> problems)
    {
        if (!Fields.TryGetValue(property.Name, out var kind))
        {
            problems.Add(AdminTexts.Format("ConditionsUnknownField", property.Name, string.Join(", ", Fields.Keys)));
            return;
        }

        var value = property.Value;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return; // the same as leaving the condition out
        }

        switch (kind)
        {
            case FieldKind.Kind:
                CheckName<LegKind>(property.Name, value, problems);
                break;
            case FieldKind.RoadCategories:
                CheckList<RoadCategory>(property.Name, value, problems);
                break;
            case FieldKind.PedestrianFacilities:
                CheckList<PedestrianFacility>(property.Name, value, problems);
                break;
            case FieldKind.Coverages:
                CheckList<Coverage>(property.Name, value, problems);
                break;
            case FieldKind.CrossingFacilities:
                CheckList<CrossingFacility>(property.Name, value, problems);
                break;
            case FieldKind.RoadFunctions:
                CheckList<RoadFunction>(property.Name, value, problems);
                break;
            case FieldKind.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 0)
                {
                    problems.Add(AdminTexts.Format("ConditionsNotNumber", property.Name));
                }

                break;
            case FieldKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add(AdminTexts.Format("ConditionsNotBoolean", property.Name));
                }

                break;
        }
    }

    private static void CheckList<T>(string field, JsonElement value, List<string> problems)
        where T : struct, Enum
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(AdminTexts.Format("ConditionsNotList", field, string.Join(", ", Names<T>())));
            return;
        }

        if (value.GetArrayLength() == 0)
        {
            // An empty set would not constrain at all, which is surely not what was meant.
            problems.Add(AdminTexts.Format("ConditionsEmptyList", field));
            return;
        }

        foreach (var item in value.EnumerateArray())
        {
            CheckName<T>(field, item, problems);
        }
    }

    private static void CheckName<T>(string field, JsonElement value, List<string> problems)
        where T : struct, Enum
    {
        var names = Names<T>();
        if (value.ValueKind != JsonValueKind.String || !names.Contains(value.GetString()!, StringComparer.Ordinal))
        {
            var shown = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            problems.Add(AdminTexts.Format("ConditionsUnknownValue", shown, field, string.Join(", ", names)));
        }
    }

    private static string[] Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())).ToArray();
}
