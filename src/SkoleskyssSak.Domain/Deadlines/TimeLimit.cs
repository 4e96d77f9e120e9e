namespace SkoleskyssSak.Domain.Deadlines;

public enum TimeLimitUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>
/// A time limit such as "3 weeks" (the appeal, fvl § 29), "14 days" (a reply to a request for information) or
/// "2 weeks" (comments on a forwarding letter), and the day it expires, counted by domstolloven §§ 148–149
/// (see <see cref="DeadlineCalendar"/> for the exact rules).
/// </summary>
public sealed record TimeLimit
{
    private TimeLimit(int count, TimeLimitUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown unit.");
        }

        Count = count;
        Unit = unit;
    }

    public int Count { get; }

    public TimeLimitUnit Unit { get; }

    public static TimeLimit Of(int count, TimeLimitUnit unit) => new(count, unit);

    public static TimeLimit Days(int count) => new(count, TimeLimitUnit.Days);

    public static TimeLimit Weeks(int count) => new(count, TimeLimitUnit.Weeks);

    public static TimeLimit Months(int count) => new(count, TimeLimitUnit.Months);

    public static TimeLimit Years(int count) => new(count, TimeLimitUnit.Years);

    /// <summary>
    /// § 148 alone: the day the limit runs out before § 149 is applied. <paramref name="start"/> is the day the
    /// limit starts to run (for an appeal: the day the notice reached the party).
    /// </summary>
    public DateOnly NominalEnd(DateOnly start) => Unit switch
    {
        // Days: the start day is not counted.
        TimeLimitUnit.Days => start.AddDays(Count),

        // Weeks: the same weekday.
        TimeLimitUnit.Weeks => start.AddDays(7 * Count),

        // Months and years: the same day number, or the last day of a month that has no such day
        // (AddMonths/AddYears clamp to the month's last day: 31 January + 1 month = 28/29 February).
        TimeLimitUnit.Months => start.AddMonths(Count),
        TimeLimitUnit.Years => start.AddYears(Count),
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };

    /// <summary>The last day of the limit: § 148, then extended past non-working days by § 149.</summary>
    public DateOnly ExpiresOn(DateOnly start) => DeadlineCalendar.ExtendToWorkingDay(NominalEnd(start));

    public override string ToString() => $"{Count} {Unit.ToString().ToLowerInvariant()}";
}
