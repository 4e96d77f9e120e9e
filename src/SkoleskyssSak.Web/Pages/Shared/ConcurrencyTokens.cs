using System.Globalization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>
/// The revision a form was loaded with, as posted back in its hidden field. The field is the user's to change: a value
/// the page never issued (not a number, negative, beyond the calendar or the counter) is read as a revision that matches
/// none, so the save is refused as a conflict with the handler's Norwegian message and the form shows the current
/// revision; never an error 500 and never taken for "no revision seen".
/// </summary>
public static class ConcurrencyTokens
{
    /// <summary>A counter revision (0 before the first save) or <see cref="NoSuchCounter"/>.</summary>
    public const int NoSuchCounter = -1;

    /// <summary>A timestamp revision (UTC ticks): null when the form had none (empty), else the instant or <see cref="DateTimeOffset.MinValue"/>, which no saved row carries.</summary>
    public static DateTimeOffset? Timestamp(string? posted)
    {
        if (string.IsNullOrWhiteSpace(posted))
        {
            return null;
        }

        return long.TryParse(posted.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks > 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : DateTimeOffset.MinValue;
    }

    /// <summary>A counter revision: the posted number, or <see cref="NoSuchCounter"/> for anything that is not a counter value.</summary>
    public static int Counter(string? posted) =>
        int.TryParse(posted?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : NoSuchCounter;
}
