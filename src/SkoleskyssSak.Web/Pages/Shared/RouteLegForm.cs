using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Web.Api;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>
/// Parses the plain-language leg fields that "Sjekk skolevegen" and the application's route step share into route
/// legs, putting a Norwegian message on the field for anything malformed (never an exception).
/// </summary>
public static class RouteLegForm
{
    /// <param name="legs">The posted legs.</param>
    /// <param name="fieldPrefix">Field name prefix, e.g. "Form.Legs" or "Input.Legs".</param>
    /// <param name="skipBlank">Whether a leg with no kind chosen is left out (true) or is an error (false).</param>
    /// <returns>The parsed legs and the form index each came from.</returns>
    public static (List<RouteLeg> Legs, List<int> Indices) Parse(
        IReadOnlyList<SjekkSkolevegen.IndexModel.LegForm> legs,
        string fieldPrefix,
        bool skipBlank,
        ModelStateDictionary modelState,
        IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var parsed = new List<RouteLeg>();
        var indices = new List<int>();
        for (var i = 0; i < legs.Count; i++)
        {
            var leg = legs[i];
            if (skipBlank && string.IsNullOrWhiteSpace(leg.Kind))
            {
                continue;
            }

            if (!TryEnum<LegKind>(leg.Kind, out var kind))
            {
                modelState.AddModelError($"{fieldPrefix}[{i}].Kind", text["CheckKindRequired"]);
                continue;
            }

            int? aadt = null;
            if (!string.IsNullOrWhiteSpace(leg.Aadt))
            {
                if (int.TryParse(leg.Aadt.Replace(" ", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    aadt = value;
                }
                else
                {
                    modelState.AddModelError($"{fieldPrefix}[{i}].Aadt", text["CheckNumberInvalid"]);
                }
            }

            indices.Add(i);
            parsed.Add(new RouteLeg(
                kind,
                OptionalEnum<RoadCategory>(leg.RoadCategory),
                leg.SpeedLimit,
                aadt,
                kind == LegKind.Along ? OptionalEnum<PedestrianFacility>(leg.PedestrianFacility) : null,
                kind == LegKind.Along ? OptionalEnum<Coverage>(leg.WalkableSideArea) : null,
                kind == LegKind.Along ? OptionalEnum<Coverage>(leg.Lighting) : null,
                CrossingFacility: kind == LegKind.Crossing ? OptionalEnum<CrossingFacility>(leg.CrossingFacility) : null,
                Secured: kind == LegKind.RailwayCrossing ? leg.Secured : null));
        }

        return (parsed, indices);
    }

    /// <summary>A leg as the form shows it (the inverse of <see cref="Parse"/>).</summary>
    public static SjekkSkolevegen.IndexModel.LegForm ToForm(RouteLeg leg) => new()
    {
        Kind = Vocabulary.Name(leg.Kind),
        RoadCategory = leg.RoadCategory is { } r ? Vocabulary.Name(r) : null,
        SpeedLimit = leg.SpeedLimit,
        Aadt = leg.Aadt?.ToString(CultureInfo.InvariantCulture),
        PedestrianFacility = leg.PedestrianFacility is { } p ? Vocabulary.Name(p) : null,
        WalkableSideArea = leg.WalkableSideArea is { } w ? Vocabulary.Name(w) : null,
        Lighting = leg.Lighting is { } l ? Vocabulary.Name(l) : null,
        CrossingFacility = leg.CrossingFacility is { } c ? Vocabulary.Name(c) : null,
        Secured = leg.Secured,
    };

    private static bool TryEnum<T>(string? value, out T result)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result);

    private static T? OptionalEnum<T>(string? value)
        where T : struct, Enum =>
        TryEnum<T>(value, out var result) ? result : null;
}
