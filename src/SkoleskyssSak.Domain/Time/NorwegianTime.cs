namespace SkoleskyssSak.Domain.Time;

/// <summary>
/// Dates in the law and in letters are Norwegian dates (Europe/Oslo), whatever the server's time zone is:
/// a decision sent at 00:30 Norwegian time on 2 March is dated 2 March, though it is 1 March in UTC.
/// </summary>
public static class NorwegianTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The calendar year in which the school year containing <paramref name="date"/> started (August).</summary>
    public static int SchoolYearStart(DateOnly date) => date.Month >= 8 ? date.Year : date.Year - 1;
}
