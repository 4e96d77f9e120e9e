using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>
/// Domstolloven § 149 first paragraph as written, for every day 2000–2100: "Når fristen etter § 148 ender på en
/// lørdag, en helgedag eller en dag som etter lovgivningen er likestilt med en helgedag, forlenges fristen til den
/// nærmeste dag som ikke er nevnt her." The helgedager are the Sundays and the helligdager of helligdagsfredloven § 2;
/// 1 and 17 May are put on a par with them (lov 26. april 1947 nr. 1 om 1. og 17. mai som høgtidsdager). Nothing
/// else moves a deadline: Christmas Eve and New Year's Eve on a weekday are ordinary days.
/// The table is built here independently of <see cref="NorwegianHolidays"/>: Easter Sunday by Oudin's algorithm
/// (1940), not the Meeus/Jones/Butcher computus the domain uses, so an error in either makes this test fail.
/// </summary>
public sealed class DomstollovenSection149TableTests
{
    private static readonly DateOnly First = new(2000, 1, 1);
    private static readonly DateOnly Last = new(2100, 12, 31);

    [Fact]
    public void Domstolloven_149_moves_only_saturdays_helgedager_and_1_and_17_May_2000_to_2100()
    {
        var nonWorking = NonWorkingDaysByTheStatute();
        var checkedEves = 0;
        for (var date = First; date <= Last; date = date.AddDays(1))
        {
            var expected = date;
            while (nonWorking.Contains(expected))
            {
                expected = expected.AddDays(1);
            }

            Assert.True(expected == DeadlineCalendar.ExtendToWorkingDay(date), $"{date:yyyy-MM-dd}: expected {expected:yyyy-MM-dd}, got {DeadlineCalendar.ExtendToWorkingDay(date):yyyy-MM-dd}");
            Assert.Equal(!nonWorking.Contains(date), DeadlineCalendar.IsWorkingDay(date));
            if (date is { Month: 12, Day: 24 or 31 } && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Assert.Equal(date, DeadlineCalendar.ExtendToWorkingDay(date));
                checkedEves++;
            }
        }

        Assert.True(checkedEves > 100, "the weekday eves were part of the table");
    }

    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2038, 4, 25)]
    [InlineData(2100, 3, 28)]
    public void The_independent_Easter_agrees_with_published_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), OudinEaster(year));

    private static HashSet<DateOnly> NonWorkingDaysByTheStatute()
    {
        var days = new HashSet<DateOnly>();
        for (var date = First; date <= Last.AddDays(10); date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                days.Add(date);
            }
        }

        for (var year = First.Year; year <= Last.Year + 1; year++)
        {
            var easter = OudinEaster(year);

            // helligdagsfredloven § 2: nyttårsdag, skjærtorsdag, langfredag, påskedagene, Kristi himmelfartsdag,
            // pinsedagene, juledagene; and 1 and 17 May (lov 26. april 1947 nr. 1).
            days.Add(new DateOnly(year, 1, 1));
            days.Add(easter.AddDays(-3));
            days.Add(easter.AddDays(-2));
            days.Add(easter.AddDays(1));
            days.Add(easter.AddDays(39));
            days.Add(easter.AddDays(50));
            days.Add(new DateOnly(year, 5, 1));
            days.Add(new DateOnly(year, 5, 17));
            days.Add(new DateOnly(year, 12, 25));
            days.Add(new DateOnly(year, 12, 26));
        }

        return days;
    }

    /// <summary>Gregorian Easter Sunday by Oudin's algorithm (1940), as given in the Explanatory Supplement to the Astronomical Almanac.</summary>
    private static DateOnly OudinEaster(int year)
    {
        var century = year / 100;
        var golden = year - (19 * (year / 19));
        var k = (century - 17) / 25;
        var i = century - (century / 4) - ((century - k) / 3) + (19 * golden) + 15;
        i -= 30 * (i / 30);
        i -= (i / 28) * (1 - ((i / 28) * (29 / (i + 1)) * ((21 - golden) / 11)));
        var j = year + (year / 4) + i + 2 - century + (century / 4);
        j -= 7 * (j / 7);
        var l = i - j;
        var month = 3 + ((l + 40) / 44);
        var day = l + 28 - (31 * (month / 4));
        return new DateOnly(year, month, day);
    }
}
