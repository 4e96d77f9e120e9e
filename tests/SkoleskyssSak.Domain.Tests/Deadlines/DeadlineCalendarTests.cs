using System.Globalization;
using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>
/// Domstolloven § 149 (by fvl § 30): a deadline ending on a Saturday, a helgedag or a day the law puts on a par with
/// one (1 and 17 May) is extended to the nearest day that is none of these; Christmas Eve and New Year's Eve on a
/// weekday are ordinary days.
/// Every expected date was worked out by hand from a calendar.
/// </summary>
public class DeadlineCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<string, string, NonWorkingDay, string> Extensions => new()
    {
        // The weekend.
        { "2025-06-14", "2025-06-16", NonWorkingDay.Saturday, "Saturday → Monday" },
        { "2025-06-15", "2025-06-16", NonWorkingDay.Sunday, "Sunday → Monday" },

        // Easter 2025 (Easter Sunday 20 April): Thursday to Monday are all passed over.
        { "2025-04-17", "2025-04-22", NonWorkingDay.PublicHoliday, "Maundy Thursday → the Tuesday after Easter" },
        { "2025-04-18", "2025-04-22", NonWorkingDay.PublicHoliday, "Good Friday → Tuesday" },
        { "2025-04-19", "2025-04-22", NonWorkingDay.Saturday, "Easter Eve, a Saturday → Tuesday" },
        { "2025-04-20", "2025-04-22", NonWorkingDay.PublicHoliday, "Easter Sunday → Tuesday" },
        { "2025-04-21", "2025-04-22", NonWorkingDay.PublicHoliday, "Easter Monday → Tuesday" },
        { "2008-03-20", "2008-03-25", NonWorkingDay.PublicHoliday, "Maundy Thursday of the earliest Easter in range" },
        { "2038-04-22", "2038-04-27", NonWorkingDay.PublicHoliday, "Maundy Thursday of the latest Easter in range" },

        // Ascension Day and Whitsun 2025 (Easter + 39, + 49, + 50).
        { "2025-05-29", "2025-05-30", NonWorkingDay.PublicHoliday, "Ascension Thursday → Friday" },
        { "2025-06-07", "2025-06-10", NonWorkingDay.Saturday, "Whitsun Eve → the Tuesday after Whitsun" },
        { "2025-06-08", "2025-06-10", NonWorkingDay.PublicHoliday, "Whit Sunday → Tuesday" },
        { "2025-06-09", "2025-06-10", NonWorkingDay.PublicHoliday, "Whit Monday → Tuesday" },

        // 1 and 17 May.
        { "2025-05-01", "2025-05-02", NonWorkingDay.PublicHoliday, "1 May on a Thursday → Friday" },
        { "2019-05-17", "2019-05-20", NonWorkingDay.PublicHoliday, "17 May on a Friday → Monday 20 May" },
        { "2024-05-17", "2024-05-21", NonWorkingDay.PublicHoliday, "17 May on a Friday before Whitsun → Tuesday 21 May (Whit Monday is 20 May)" },
        { "2008-05-01", "2008-05-02", NonWorkingDay.PublicHoliday, "1 May that is also Ascension Day → Friday" },
        { "2027-05-17", "2027-05-18", NonWorkingDay.PublicHoliday, "17 May that is also Whit Monday → Tuesday" },

        // Christmas: 25 and 26 December are holidays; Christmas Eve on a weekend is passed over as a Saturday or Sunday.
        { "2022-12-24", "2022-12-27", NonWorkingDay.Saturday, "Christmas Eve on a Saturday → Tuesday 27 (26 is a Monday holiday)" },
        { "2025-12-26", "2025-12-29", NonWorkingDay.PublicHoliday, "26 December on a Friday → Monday" },

        // New Year: 1 January is a holiday.
        { "2022-12-31", "2023-01-02", NonWorkingDay.Saturday, "New Year's Eve on a Saturday → Monday 2 January" },
        { "2023-12-31", "2024-01-02", NonWorkingDay.Sunday, "New Year's Eve on a Sunday → Tuesday 2 January" },
        { "2026-01-01", "2026-01-02", NonWorkingDay.PublicHoliday, "1 January on a Thursday → Friday" },
    };

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Deadline_on_a_non_working_day_is_extended_to_the_next_working_day(string end, string extended, NonWorkingDay reason, string rule)
    {
        Assert.False(DeadlineCalendar.IsWorkingDay(D(end)), rule);
        Assert.Equal(reason, DeadlineCalendar.NonWorkingReason(D(end)));
        Assert.Equal(D(extended), DeadlineCalendar.ExtendToWorkingDay(D(end)));
    }

    [Theory]
    [InlineData("2025-06-17")] // an ordinary Tuesday
    [InlineData("2025-06-13")] // an ordinary Friday
    [InlineData("2025-04-16")] // the Wednesday before Maundy Thursday
    [InlineData("2025-04-22")] // the Tuesday after Easter Monday
    [InlineData("2025-05-30")] // the Friday after Ascension Day
    [InlineData("2025-12-23")] // lille julaften
    [InlineData("2027-12-27")] // 27 December on a Monday
    [InlineData("2025-12-30")]
    [InlineData("2026-01-02")]
    [InlineData("2025-05-08")] // frigjøringsdagen, a flag day
    [InlineData("2024-12-24")] // Christmas Eve on a Tuesday: no helgedag (domstolloven § 149)
    [InlineData("2025-12-24")] // Christmas Eve on a Wednesday
    [InlineData("2026-12-24")] // Christmas Eve on a Thursday
    [InlineData("2027-12-24")] // Christmas Eve on a Friday
    [InlineData("2025-12-31")] // New Year's Eve on a Wednesday
    [InlineData("2027-12-31")] // New Year's Eve on a Friday
    [InlineData("2028-02-29")] // leap day on a Tuesday
    public void Deadline_on_a_working_day_stays(string end)
    {
        Assert.True(DeadlineCalendar.IsWorkingDay(D(end)));
        Assert.Null(DeadlineCalendar.NonWorkingReason(D(end)));
        Assert.Equal(D(end), DeadlineCalendar.ExtendToWorkingDay(D(end)));
    }

    [Theory]
    [InlineData("2022-12-25", NonWorkingDay.PublicHoliday)] // Christmas Day on a Sunday
    [InlineData("2022-12-24", NonWorkingDay.Saturday)]      // Christmas Eve on a Saturday
    [InlineData("2023-12-31", NonWorkingDay.Sunday)]        // New Year's Eve on a Sunday
    [InlineData("2022-01-01", NonWorkingDay.PublicHoliday)] // 1 January on a Saturday
    [InlineData("2025-05-17", NonWorkingDay.PublicHoliday)] // 17 May on a Saturday
    public void The_most_specific_reason_is_given_when_several_apply(string date, NonWorkingDay reason)
    {
        Assert.Equal(reason, DeadlineCalendar.NonWorkingReason(D(date)));
    }

    [Fact]
    public void Easter_Eve_is_the_Saturday_before_Easter_Sunday_every_year_1990_to_2100()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var eve = NorwegianHolidays.EasterSunday(year).AddDays(-1);
            Assert.Equal(DayOfWeek.Saturday, eve.DayOfWeek);
            Assert.Equal(NonWorkingDay.Saturday, DeadlineCalendar.NonWorkingReason(eve));
            Assert.Equal(NorwegianHolidays.EasterSunday(year).AddDays(2), DeadlineCalendar.ExtendToWorkingDay(eve));
        }
    }

    [Fact]
    public void Christmas_Eve_and_New_Years_Eve_on_a_weekday_are_ordinary_days_1990_to_2100()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            foreach (var eve in new[] { new DateOnly(year, 12, 24), new DateOnly(year, 12, 31) })
            {
                var weekend = eve.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                Assert.Equal(!weekend, DeadlineCalendar.IsWorkingDay(eve));
            }
        }
    }

    /// <summary>
    /// For every day 1990–2100: the extension is a working day, every day passed over is not, and the longest run of
    /// non-working days is five (Maundy Thursday to Easter Monday).
    /// </summary>
    [Fact]
    public void Extension_lands_on_the_first_working_day_and_passes_at_most_five_days()
    {
        var longest = 0;
        for (var date = new DateOnly(1990, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var extended = DeadlineCalendar.ExtendToWorkingDay(date);
            Assert.True(DeadlineCalendar.IsWorkingDay(extended));
            Assert.Equal(extended, DeadlineCalendar.ExtendToWorkingDay(extended));
            for (var passed = date; passed < extended; passed = passed.AddDays(1))
            {
                Assert.False(DeadlineCalendar.IsWorkingDay(passed));
            }

            longest = Math.Max(longest, extended.DayNumber - date.DayNumber);
        }

        Assert.Equal(5, longest);
    }

    [Fact]
    public void Working_days_are_the_weekdays_that_are_no_holiday()
    {
        for (var date = new DateOnly(1990, 1, 1); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var expected = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
                && !NorwegianHolidays.IsPublicHoliday(date);
            Assert.Equal(expected, DeadlineCalendar.IsWorkingDay(date));
        }
    }

    [Theory]
    [InlineData("2025-06-23", "2025-06-23", null, false)] // received on the deadline
    [InlineData("2025-06-23", "2025-06-20", null, false)] // received before it
    [InlineData("2025-06-23", "2025-06-24", null, true)]  // received the day after
    [InlineData("2025-06-23", "2025-06-26", "2025-06-23", false)] // posted on the deadline, received later
    [InlineData("2025-06-23", "2025-06-26", "2025-06-20", false)] // posted before the deadline
    [InlineData("2025-06-23", "2025-06-26", "2025-06-24", true)]  // posted the day after the deadline
    [InlineData("2025-06-23", "2025-06-24", "2025-06-24", true)]  // handed to the post office the day after
    [InlineData("2025-06-23", "2025-06-23", "2025-06-23", false)]
    public void Late_is_received_after_the_deadline_unless_posted_by_it(string deadline, string received, string? posted, bool late)
    {
        DateOnly? postedOn = posted is null ? null : D(posted);
        Assert.Equal(late, DeadlineCalendar.IsLate(D(deadline), D(received), postedOn));
    }

    [Fact]
    public void A_letter_cannot_be_received_before_it_was_posted()
    {
        Assert.Throws<ArgumentException>(() => DeadlineCalendar.IsLate(D("2025-06-23"), D("2025-06-20"), D("2025-06-21")));
    }
}
