using System.Globalization;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>What the rulebook partials render: a version's rows and segments, read-only or as a draft's editor.</summary>
public sealed record RulebookTableModel(RulebookDocument Document, bool Editable, string VersionPath);

/// <summary>The navigation between the admin's rulebook pages.</summary>
public sealed record AdminNavModel(string BasePath, int? DraftVersion, string Current);

/// <summary>A labelled textarea with hint and error.</summary>
public sealed record TextAreaViewModel(string Name, string Label, string? Value, string? Hint = null, int Rows = 4, bool Code = false);

public static class AdminFormat
{
    public static readonly string[] OutcomeValues = ["yearRound", "winter", "considerWinter", "none"];

    /// <summary>"2-4" → "2.–4. trinn" is said "2–4": the band with an en dash.</summary>
    public static string Band(string band) => band.Replace('-', '–');

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An instant as a Norwegian date and time.</summary>
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, Domain.Time.NorwegianTime.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>The outcome a row or segment states for a band ("yearRound" …), or empty when it states none.</summary>
    public static string BandOutcome(IReadOnlyDictionary<string, TransportOutcome> outcomes, string band) =>
        RulebookOutcomes.BandValue(outcomes, band);

    /// <summary>Accepts 31.12.2026, 1.2.2027 and 2026-12-31 (within <see cref="Domain.Time.SupportedDates"/>).</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string[] formats = ["d.M.yyyy", "dd.MM.yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && Domain.Time.SupportedDates.Contains(date) ? date : null;
    }
}
