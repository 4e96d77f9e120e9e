using System.Globalization;
using SkoleskyssSak.Domain.Deadlines;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>
/// The public holidays of helligdagsfredloven § 2 and lov 26. april 1947 nr. 1 (1 and 17 May).
/// Easter dates below are the published Western (Gregorian) Easter Sundays, typed in from the almanac,
/// not computed by the code under test.
/// </summary>
public class NorwegianHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TheoryData<int, string> PublishedEasterSundays => new()
    {
        { 1990, "1990-04-15" }, { 1991, "1991-03-31" }, { 1992, "1992-04-19" }, { 1993, "1993-04-11" },
        { 1994, "1994-04-03" }, { 1995, "1995-04-16" }, { 1996, "1996-04-07" }, { 1997, "1997-03-30" },
        { 1998, "1998-04-12" }, { 1999, "1999-04-04" }, { 2000, "2000-04-23" }, { 2001, "2001-04-15" },
        { 2002, "2002-03-31" }, { 2003, "2003-04-20" }, { 2004, "2004-04-11" }, { 2005, "2005-03-27" },
        { 2006, "2006-04-16" }, { 2007, "2007-04-08" }, { 2008, "2008-03-23" }, { 2009, "2009-04-12" },
        { 2010, "2010-04-04" }, { 2011, "2011-04-24" }, { 2012, "2012-04-08" }, { 2013, "2013-03-31" },
        { 2014, "2014-04-20" }, { 2015, "2015-04-05" }, { 2016, "2016-03-27" }, { 2017, "2017-04-16" },
        { 2018, "2018-04-01" }, { 2019, "2019-04-21" }, { 2020, "2020-04-12" }, { 2021, "2021-04-04" },
        { 2022, "2022-04-17" }, { 2023, "2023-04-09" }, { 2024, "2024-03-31" }, { 2025, "2025-04-20" },
        { 2026, "2026-04-05" }, { 2027, "2027-03-28" }, { 2028, "2028-04-16" }, { 2029, "2029-04-01" },
        { 2030, "2030-04-21" }, { 2031, "2031-04-13" }, { 2032, "2032-03-28" }, { 2033, "2033-04-17" },
        { 2034, "2034-04-09" }, { 2035, "2035-03-25" }, { 2036, "2036-04-13" }, { 2037, "2037-04-05" },
        { 2038, "2038-04-25" }, { 2039, "2039-04-10" }, { 2040, "2040-04-01" }, { 2041, "2041-04-21" },
        { 2042, "2042-04-06" }, { 2043, "2043-03-29" }, { 2044, "2044-04-17" }, { 2045, "2045-04-09" },
        { 2046, "2046-03-25" }, { 2047, "2047-04-14" }, { 2048, "2048-04-05" }, { 2049, "2049-04-18" },
        { 2050, "2050-04-10" }, { 2100, "2100-03-28" },
    };

    [Theory]
    [MemberData(nameof(PublishedEasterSundays))]
    public void Easter_Sunday_is_the_published_date(int year, string easter)
    {
        Assert.Equal(D(easter), NorwegianHolidays.EasterSunday(year));
    }

    [Fact]
    public void Easter_Sunday_extremes_in_range_are_23_March_2008_and_25_April_2038()
    {
        var all = Enumerable.Range(1990, 111).Select(NorwegianHolidays.EasterSunday).ToList();
        Assert.Equal(D("2008-03-23"), all.MinBy(easter => (easter.Month, easter.Day)));
        Assert.Equal(D("2038-04-25"), all.MaxBy(easter => (easter.Month, easter.Day)));
    }

    /// <summary>
    /// A second, independently written computus (Gauss in Lichtenberg's form) must agree for every Gregorian year
    /// DateOnly can hold, and Easter must be a Sunday from 22 March to 25 April.
    /// </summary>
    [Fact]
    public void Easter_Sunday_agrees_with_Gauss_Lichtenberg_for_every_year_1583_to_9999()
    {
        for (var year = 1583; year <= 9999; year++)
        {
            var easter = NorwegianHolidays.EasterSunday(year);
            Assert.Equal(GaussLichtenberg(year), easter);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    private static DateOnly GaussLichtenberg(int year)
    {
        var k = year / 100;
        var m = 15 + (((3 * k) + 3) / 4) - (((8 * k) + 13) / 25); // secular moon shift
        var s = 2 - (((3 * k) + 3) / 4);                          // secular sun shift
        var a = year % 19;
        var d = ((19 * a) + m) % 30;                              // seed for the first full moon in spring
        var r = (d + (a / 11)) / 29;                              // calendar correction
        var og = 21 + d - r;                                      // Easter boundary as a March date
        var sz = 7 - ((year + (year / 4) + s) % 7);               // first Sunday in March
        var oe = 7 - ((og - sz) % 7);
        return new DateOnly(year, 3, 1).AddDays(og + oe - 1);
    }

    [Fact]
    public void Years_before_the_Gregorian_calendar_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NorwegianHolidays.EasterSunday(1582));
        Assert.Throws<ArgumentOutOfRangeException>(() => NorwegianHolidays.HolidaysIn(1000));
    }

    public static TheoryData<int, string[]> FullYears => new()
    {
        {
            2024,
            ["2024-01-01", "2024-03-28", "2024-03-29", "2024-03-31", "2024-04-01", "2024-05-01", "2024-05-09", "2024-05-17", "2024-05-19", "2024-05-20", "2024-12-25", "2024-12-26"]
        },
        {
            2025,
            ["2025-01-01", "2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-17", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"]
        },
        {
            2026,
            ["2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"]
        },
        {
            2038, // the latest Easter: Whit Monday in June
            ["2038-01-01", "2038-04-22", "2038-04-23", "2038-04-25", "2038-04-26", "2038-05-01", "2038-05-17", "2038-06-03", "2038-06-13", "2038-06-14", "2038-12-25", "2038-12-26"]
        },
    };

    [Theory]
    [MemberData(nameof(FullYears))]
    public void Holidays_of_a_year_are_the_twelve_dates_of_the_almanac(int year, string[] dates)
    {
        Assert.Equal(dates.Select(D), NorwegianHolidays.HolidaysIn(year).Select(holiday => holiday.Date));
        Assert.All(dates, date => Assert.True(NorwegianHolidays.IsPublicHoliday(D(date)), date));
    }

    [Theory]
    [InlineData("Skjærtorsdag", -3, DayOfWeek.Thursday)]
    [InlineData("Langfredag", -2, DayOfWeek.Friday)]
    [InlineData("Første påskedag", 0, DayOfWeek.Sunday)]
    [InlineData("Andre påskedag", 1, DayOfWeek.Monday)]
    [InlineData("Kristi himmelfartsdag", 39, DayOfWeek.Thursday)]
    [InlineData("Første pinsedag", 49, DayOfWeek.Sunday)]
    [InlineData("Andre pinsedag", 50, DayOfWeek.Monday)]
    public void Movable_holiday_is_a_fixed_offset_from_Easter_every_year_1990_to_2100(string name, int offset, DayOfWeek weekday)
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var holiday = Assert.Single(NorwegianHolidays.HolidaysIn(year), h => h.Name == name);
            Assert.Equal(NorwegianHolidays.EasterSunday(year).AddDays(offset), holiday.Date);
            Assert.Equal(weekday, holiday.Date.DayOfWeek);
            Assert.Equal(PublicHolidayKind.HolyDay, holiday.Kind);
            Assert.True(NorwegianHolidays.IsPublicHoliday(holiday.Date));
        }
    }

    [Theory]
    [InlineData("Første nyttårsdag", 1, 1, PublicHolidayKind.HolyDay)]
    [InlineData("Offentlig høytidsdag", 5, 1, PublicHolidayKind.OfficialHoliday)]
    [InlineData("Grunnlovsdag", 5, 17, PublicHolidayKind.OfficialHoliday)]
    [InlineData("Første juledag", 12, 25, PublicHolidayKind.HolyDay)]
    [InlineData("Andre juledag", 12, 26, PublicHolidayKind.HolyDay)]
    public void Fixed_holiday_is_on_its_date_whatever_the_weekday_every_year_1990_to_2100(string name, int month, int day, PublicHolidayKind kind)
    {
        var weekdays = new HashSet<DayOfWeek>();
        for (var year = 1990; year <= 2100; year++)
        {
            var date = new DateOnly(year, month, day);
            var holiday = Assert.Single(NorwegianHolidays.HolidaysIn(year), h => h.Name == name);
            Assert.Equal(date, holiday.Date);
            Assert.Equal(kind, holiday.Kind);
            Assert.True(NorwegianHolidays.IsPublicHoliday(date));
            weekdays.Add(date.DayOfWeek);
        }

        Assert.Equal(7, weekdays.Count);
    }

    [Fact]
    public void Every_year_1990_to_2100_has_twelve_holidays_in_date_order_with_distinct_names()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var holidays = NorwegianHolidays.HolidaysIn(year);
            Assert.Equal(12, holidays.Count);
            Assert.All(holidays, holiday => Assert.Equal(year, holiday.Date.Year));
            Assert.Equal(holidays.OrderBy(holiday => holiday.Date).Select(holiday => holiday.Date), holidays.Select(holiday => holiday.Date));
            Assert.Equal(12, holidays.Select(holiday => holiday.Name).Distinct().Count());
        }
    }

    [Fact]
    public void Is_public_holiday_is_true_on_exactly_the_listed_dates_from_1990_to_2100()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var listed = NorwegianHolidays.HolidaysIn(year).Select(holiday => holiday.Date).ToHashSet();
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                Assert.Equal(listed.Contains(date), NorwegianHolidays.IsPublicHoliday(date));
            }
        }
    }

    [Theory]
    [InlineData("2008-05-01", "Offentlig høytidsdag", "Kristi himmelfartsdag")] // Easter 23 March
    [InlineData("2027-05-17", "Grunnlovsdag", "Andre pinsedag")]              // Easter 28 March
    [InlineData("2043-05-17", "Grunnlovsdag", "Første pinsedag")]             // Easter 29 March
    [InlineData("2091-05-17", "Grunnlovsdag", "Kristi himmelfartsdag")]       // Easter 8 April
    public void Coinciding_holidays_are_both_listed(string date, string first, string second)
    {
        var names = NorwegianHolidays.HolidaysOn(D(date)).Select(holiday => holiday.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { first, second }, names);
        Assert.True(NorwegianHolidays.IsPublicHoliday(D(date)));
    }

    [Theory]
    [InlineData("2025-04-19")] // påskeaften
    [InlineData("2025-06-07")] // pinseaften
    [InlineData("2025-12-24")] // julaften
    [InlineData("2025-12-31")] // nyttårsaften
    [InlineData("2025-12-27")] // "romjul" is not a holiday
    [InlineData("2026-01-02")]
    [InlineData("2025-04-13")] // palmesøndag: an ordinary Sunday, not in the list
    [InlineData("2025-06-15")] // an ordinary Sunday
    [InlineData("2025-05-08")] // frigjøringsdagen is a flag day, not a holiday
    public void Eves_ordinary_Sundays_and_flag_days_are_not_public_holidays(string date)
    {
        Assert.False(NorwegianHolidays.IsPublicHoliday(D(date)));
        Assert.Empty(NorwegianHolidays.HolidaysOn(D(date)));
    }

    [Fact]
    public void Names_are_given_in_bokmal_and_nynorsk()
    {
        var mayDay = Assert.Single(NorwegianHolidays.HolidaysOn(D("2025-05-01")));
        Assert.Equal("Offentlig høytidsdag", mayDay.NameIn(LanguageForm.Bokmal));
        Assert.Equal("Offentleg høgtidsdag", mayDay.NameIn(LanguageForm.Nynorsk));

        var christmas = Assert.Single(NorwegianHolidays.HolidaysOn(D("2025-12-25")));
        Assert.Equal("Første juledag", christmas.NameIn(LanguageForm.Nynorsk));
    }
}
