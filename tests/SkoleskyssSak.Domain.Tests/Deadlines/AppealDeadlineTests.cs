using System.Globalization;
using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>
/// Fvl § 29 first paragraph: 3 weeks from the day the notice reached the party; fvl § 30 with domstolloven
/// §§ 148–149 for the last day; fvl § 30 for letters posted in time.
/// </summary>
public class AppealDeadlineTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void The_appeal_period_is_three_weeks()
    {
        Assert.Equal(TimeLimit.Weeks(3), AppealDeadline.Period);
    }

    public static TheoryData<string, string, string> Deadlines => new()
    {
        { "2025-06-02", "2025-06-23", "Monday → Monday three weeks later" },
        { "2025-06-14", "2025-07-07", "notice on a Saturday: counted from it; ends Saturday 5 July → Monday" },
        { "2025-05-17", "2025-06-10", "notice on 17 May: ends on Whitsun Eve → Sunday, Whit Monday passed → Tuesday" },
        { "2025-03-27", "2025-04-22", "ends on Maundy Thursday → the Tuesday after Easter" },
        { "2025-03-29", "2025-04-22", "ends on Easter Eve, a Saturday → Tuesday" },
        { "2025-05-08", "2025-05-30", "ends on Ascension Day → Friday" },
        { "2024-04-26", "2024-05-21", "ends on 17 May 2024, a Friday before Whitsun → Tuesday 21 May" },
        { "2019-04-26", "2019-05-20", "ends on 17 May 2019, a Friday → Monday 20 May" },
        { "2025-12-03", "2025-12-24", "ends on Christmas Eve, a Wednesday: an ordinary day (domstolloven § 149)" },
        { "2027-12-03", "2027-12-24", "ends on Christmas Eve, a Friday: an ordinary day" },
        { "2025-12-10", "2025-12-31", "ends on New Year's Eve, a Wednesday: an ordinary day" },
        { "2027-12-10", "2027-12-31", "ends on New Year's Eve, a Friday: an ordinary day" },
        { "2022-12-03", "2022-12-27", "ends on Christmas Eve, a Saturday → past Christmas Day and Monday 26 → Tuesday 27" },
        { "2025-12-15", "2026-01-05", "across the new year on a working day" },
        { "2025-12-20", "2026-01-12", "across the new year, ends on a Saturday → Monday" },
        { "2028-02-08", "2028-02-29", "leap year: ends on 29 February" },
        { "2027-02-08", "2027-03-01", "common year: ends on 1 March" },
        { "2024-02-29", "2024-03-21", "notice on the leap day" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Appeal_deadline_is_three_weeks_after_notice_extended_by_149(string noticeReceived, string deadline, string rule)
    {
        Assert.True(D(deadline) == AppealDeadline.From(D(noticeReceived)), rule);
    }

    /// <summary>
    /// For every day from 2000 to 2060 on which notice can reach a party: the deadline is at least 21 days later,
    /// is a working day, and every day from day 21 up to it is not — it is the first working day from day 21 on.
    /// </summary>
    [Fact]
    public void Appeal_deadline_is_the_first_working_day_from_day_21_for_every_notice_2000_to_2060()
    {
        for (var notice = new DateOnly(2000, 1, 1); notice <= new DateOnly(2060, 12, 31); notice = notice.AddDays(1))
        {
            var deadline = AppealDeadline.From(notice);
            var day21 = notice.AddDays(21);

            Assert.True(deadline >= day21, $"{notice:yyyy-MM-dd}");
            Assert.True(DeadlineCalendar.IsWorkingDay(deadline), $"{notice:yyyy-MM-dd} → {deadline:yyyy-MM-dd}");
            Assert.NotEqual(DayOfWeek.Saturday, deadline.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, deadline.DayOfWeek);
            Assert.False(NorwegianHolidays.IsPublicHoliday(deadline));

            for (var skipped = day21; skipped < deadline; skipped = skipped.AddDays(1))
            {
                Assert.False(DeadlineCalendar.IsWorkingDay(skipped), $"{notice:yyyy-MM-dd}: {skipped:yyyy-MM-dd} was passed over");
            }

            Assert.InRange(deadline.DayNumber - day21.DayNumber, 0, 5);
        }
    }

    [Theory]
    [InlineData("2025-06-02", "2025-06-23", null, false)] // received on the deadline
    [InlineData("2025-06-02", "2025-06-24", null, true)]  // received the day after
    [InlineData("2025-06-02", "2025-06-25", "2025-06-23", false)] // posted on the deadline, arrives later
    [InlineData("2025-06-02", "2025-06-25", "2025-06-24", true)]  // posted too late
    [InlineData("2025-03-27", "2025-04-22", null, false)] // deadline moved past Easter: received on the Tuesday
    [InlineData("2025-03-27", "2025-04-23", null, true)]
    [InlineData("2025-03-27", "2025-04-24", "2025-04-22", false)]
    [InlineData("2025-12-10", "2025-12-31", null, false)] // ends on New Year's Eve, a Wednesday: not moved
    [InlineData("2025-12-10", "2026-01-02", null, true)]
    [InlineData("2025-12-10", "2026-01-05", "2025-12-31", false)]
    [InlineData("2025-12-10", "2026-01-05", "2026-01-02", true)]
    public void Late_appeal_is_one_received_and_posted_after_the_deadline(string noticeReceived, string appealReceived, string? posted, bool late)
    {
        var deadline = AppealDeadline.From(D(noticeReceived));
        DateOnly? postedOn = posted is null ? null : D(posted);
        Assert.Equal(late, AppealDeadline.IsLate(deadline, D(appealReceived), postedOn));
    }
}
