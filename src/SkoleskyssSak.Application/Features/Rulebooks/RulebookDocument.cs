using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// The JSON form of a rulebook version: the seed files (Infrastructure/Seeding/Rulebooks), the jsonb column
/// that stores versions, and the admin editor all use it. Enum values are written as in the public route
/// vocabulary (DESIGN.md §5): camelCase, e.g. "footAndCyclePath", "yearRound". A record, so that the admin's
/// edits of a draft are copies (<c>with</c>) of the stored document.
/// </summary>
public sealed record RulebookDocument
{
    public static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    public required string MunicipalityNumber { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string AdoptedBy { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required LanguageForm LanguageForm { get; init; }

    public required IReadOnlyList<string> GradeBands { get; init; }

    public required WinterPeriodDocument WinterPeriod { get; init; }

    public required DecisionValidity DecisionValidity { get; init; }

    public required IReadOnlyList<string> AppealChain { get; init; }

    public required RuleProvenance Provenance { get; init; }

    public required string Source { get; init; }

    public required IReadOnlyList<RuleDocument> Rules { get; init; }

    public IReadOnlyList<DefinedSegment> DefinedSegments { get; init; } = [];

    public static RulebookDocument Parse(string json) =>
        JsonSerializer.Deserialize<RulebookDocument>(json, JsonOptions) ?? throw new JsonException("The rulebook document is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public Rulebook ToRulebook() => new()
    {
        MunicipalityNumber = MunicipalityNumber,
        Version = Version,
        Title = Title,
        AdoptedBy = AdoptedBy,
        AdoptedOn = AdoptedOn,
        ValidFrom = ValidFrom,
        ValidTo = ValidTo,
        LanguageForm = LanguageForm,
        GradeBands = GradeBands,
        WinterPeriod = WinterPeriod.ToDomain(),
        DecisionValidity = DecisionValidity,
        AppealChain = AppealChain,
        Provenance = Provenance,
        Source = Source,
        Rules = Rules.Select(r => new MatrixRule(r.Id, r.Text, r.When, r.Outcomes, r.Note, r.Unconfirmed == true)).ToList(),
        DefinedSegments = DefinedSegments,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}

public sealed record RuleDocument
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public string? Note { get; init; }

    public required LegCondition When { get; init; }

    /// <summary>Grade range ("1", "2-4", "1-10") → outcome; grades not covered get none.</summary>
    public required IReadOnlyDictionary<string, TransportOutcome> Outcomes { get; init; }

    /// <summary>
    /// True for a row whose outcome the published text does not give and the municipality has not confirmed (a
    /// reconstruction): a leg it matches needs a manual assessment, see <see cref="MatrixRule.Unconfirmed"/>.
    /// Omitted (null) for every other row; an admin's edit of the row clears it.
    /// </summary>
    public bool? Unconfirmed { get; init; }
}

/// <summary>Day and month as Norwegian texts write them: "15.10" to "15.03".</summary>
public sealed class WinterPeriodDocument
{
    public required string From { get; init; }

    public required string To { get; init; }

    public WinterPeriod ToDomain()
    {
        var (fromDay, fromMonth) = DayMonth(From);
        var (toDay, toMonth) = DayMonth(To);
        return new WinterPeriod(fromMonth, fromDay, toMonth, toDay);
    }

    private static (int Day, int Month) DayMonth(string text)
    {
        var parts = text.Split('.');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
