using System.Globalization;
using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>Domstolloven § 148 (days, weeks, months, years), then § 149 for the end.</summary>
public class TimeLimitTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<int, TimeLimitUnit, string, string, string> Limits => new()
    {
        // Days: the start day is not counted.
        { 14, TimeLimitUnit.Days, "2025-06-02", "2025-06-16", "2025-06-16" },
        { 1, TimeLimitUnit.Days, "2025-06-13", "2025-06-14", "2025-06-16" },   // ends on Saturday → Monday
        { 1, TimeLimitUnit.Days, "2025-12-30", "2025-12-31", "2025-12-31" },   // ends on New Year's Eve, a Wednesday: an ordinary day
        { 10, TimeLimitUnit.Days, "2028-02-20", "2028-03-01", "2028-03-01" },  // across the leap day
        { 10, TimeLimitUnit.Days, "2027-02-20", "2027-03-02", "2027-03-02" },

        // Weeks: the same weekday.
        { 2, TimeLimitUnit.Weeks, "2025-06-04", "2025-06-18", "2025-06-18" },
        { 2, TimeLimitUnit.Weeks, "2025-12-10", "2025-12-24", "2025-12-24" },  // ends on Christmas Eve, a Wednesday: an ordinary day
        { 1, TimeLimitUnit.Weeks, "2025-04-10", "2025-04-17", "2025-04-22" },  // ends on Maundy Thursday
        { 6, TimeLimitUnit.Weeks, "2025-11-26", "2026-01-07", "2026-01-07" },  // across the new year

        // Months: the same day number, or the last day of a shorter month.
        { 1, TimeLimitUnit.Months, "2025-01-31", "2025-02-28", "2025-02-28" },
        { 1, TimeLimitUnit.Months, "2028-01-31", "2028-02-29", "2028-02-29" }, // leap year
        { 1, TimeLimitUnit.Months, "2026-01-31", "2026-02-28", "2026-03-02" }, // 28 February 2026 is a Saturday
        { 1, TimeLimitUnit.Months, "2025-01-30", "2025-02-28", "2025-02-28" },
        { 1, TimeLimitUnit.Months, "2025-03-31", "2025-04-30", "2025-04-30" },
        { 1, TimeLimitUnit.Months, "2028-02-29", "2028-03-29", "2028-03-29" }, // from the leap day: 29 March, not the 31st
        { 12, TimeLimitUnit.Months, "2028-02-29", "2029-02-28", "2029-02-28" },
        { 2, TimeLimitUnit.Months, "2025-11-15", "2026-01-15", "2026-01-15" }, // across the new year
        { 2, TimeLimitUnit.Months, "2025-10-31", "2025-12-31", "2025-12-31" }, // ends on New Year's Eve, a Wednesday: an ordinary day
        { 1, TimeLimitUnit.Months, "2025-11-24", "2025-12-24", "2025-12-24" }, // ends on Christmas Eve, a Wednesday: an ordinary day
        { 1, TimeLimitUnit.Months, "2025-03-17", "2025-04-17", "2025-04-22" }, // ends on Maundy Thursday

        // Years.
        { 1, TimeLimitUnit.Years, "2024-02-29", "2025-02-28", "2025-02-28" },
        { 4, TimeLimitUnit.Years, "2024-02-29", "2028-02-29", "2028-02-29" },
        { 1, TimeLimitUnit.Years, "2024-05-17", "2025-05-17", "2025-05-19" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void Nominal_end_by_148_then_extension_by_149(int count, TimeLimitUnit unit, string start, string nominal, string expires)
    {
        var limit = TimeLimit.Of(count, unit);
        Assert.Equal(D(nominal), limit.NominalEnd(D(start)));
        Assert.Equal(D(expires), limit.ExpiresOn(D(start)));
    }

    [Fact]
    public void Factories_build_the_unit_they_name()
    {
        Assert.Equal(TimeLimit.Of(3, TimeLimitUnit.Days), TimeLimit.Days(3));
        Assert.Equal(TimeLimit.Of(3, TimeLimitUnit.Weeks), TimeLimit.Weeks(3));
        Assert.Equal(TimeLimit.Of(3, TimeLimitUnit.Months), TimeLimit.Months(3));
        Assert.Equal(TimeLimit.Of(3, TimeLimitUnit.Years), TimeLimit.Years(3));
        Assert.NotEqual(TimeLimit.Weeks(3), TimeLimit.Days(21));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_time_limit_is_at_least_one_unit(int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Weeks(count));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Days(count));
    }

    [Fact]
    public void An_unknown_unit_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeLimit.Of(1, (TimeLimitUnit)42));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void Months_end_on_the_same_day_number_or_the_last_day_of_the_month_2000_to_2060(int months)
    {
        var limit = TimeLimit.Months(months);
        for (var start = new DateOnly(2000, 1, 1); start <= new DateOnly(2060, 12, 31); start = start.AddDays(1))
        {
            var end = limit.NominalEnd(start);
            Assert.Equal(((start.Year * 12) + start.Month - 1 + months), (end.Year * 12) + end.Month - 1);
            var lastDay = DateTime.DaysInMonth(end.Year, end.Month);
            Assert.Equal(Math.Min(start.Day, lastDay), end.Day);
        }
    }

    [Fact]
    public void Weeks_end_on_the_same_weekday_and_days_do_not_count_the_start_2000_to_2060()
    {
        for (var start = new DateOnly(2000, 1, 1); start <= new DateOnly(2060, 12, 31); start = start.AddDays(1))
        {
            var weeks = TimeLimit.Weeks(2).NominalEnd(start);
            Assert.Equal(start.DayOfWeek, weeks.DayOfWeek);
            Assert.Equal(14, weeks.DayNumber - start.DayNumber);
            Assert.Equal(10, TimeLimit.Days(10).NominalEnd(start).DayNumber - start.DayNumber);
        }
    }

    [Fact]
    public void Reads_as_count_and_unit()
    {
        Assert.Equal("3 weeks", TimeLimit.Weeks(3).ToString());
    }
}
