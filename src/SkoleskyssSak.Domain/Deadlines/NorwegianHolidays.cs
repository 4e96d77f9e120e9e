namespace SkoleskyssSak.Domain.Deadlines;

/// <summary>
/// Norway's public holidays (other than the ordinary Sundays):
/// the helligdager of helligdagsfredloven § 2 — 1 January, Maundy Thursday, Good Friday, Easter Sunday and Monday,
/// Ascension Day (Easter + 39), Whit Sunday and Monday (Easter + 49, + 50), 25 and 26 December —
/// and the offisielle høytidsdager 1 and 17 May (lov 26. april 1947 nr. 1).
/// Easter Eve, Whitsun Eve, Christmas Eve and New Year's Eve are not public holidays
/// (they matter for deadlines only, see <see cref="DeadlineCalendar"/>).
/// Today's list is applied to every year; Easter is the Gregorian one, so years before 1583 are refused.
/// </summary>
public static class NorwegianHolidays
{
    public const int FirstGregorianYear = 1583;

    // One list for HolidaysIn and IsPublicHoliday: a fixed date (month, day) or an offset from Easter Sunday.
    private sealed record Rule(string Name, string NynorskName, PublicHolidayKind Kind, int Month, int Day, int? EasterOffset)
    {
        public DateOnly In(int year, DateOnly easter) =>
            EasterOffset is { } offset ? easter.AddDays(offset) : new DateOnly(year, Month, Day);
    }

    private static Rule Fixed(string name, string nynorsk, PublicHolidayKind kind, int month, int day) => new(name, nynorsk, kind, month, day, null);

    private static Rule Easter(string name, string nynorsk, int offset) => new(name, nynorsk, PublicHolidayKind.HolyDay, 0, 0, offset);

    private static readonly Rule[] Rules =
    [
        Fixed("Første nyttårsdag", "Første nyttårsdag", PublicHolidayKind.HolyDay, 1, 1),
        Easter("Skjærtorsdag", "Skjærtorsdag", -3),
        Easter("Langfredag", "Langfredag", -2),
        Easter("Første påskedag", "Første påskedag", 0),
        Easter("Andre påskedag", "Andre påskedag", 1),
        Fixed("Offentlig høytidsdag", "Offentleg høgtidsdag", PublicHolidayKind.OfficialHoliday, 5, 1),
        Fixed("Grunnlovsdag", "Grunnlovsdag", PublicHolidayKind.OfficialHoliday, 5, 17),
        Easter("Kristi himmelfartsdag", "Kristi himmelfartsdag", 39),
        Easter("Første pinsedag", "Første pinsedag", 49),
        Easter("Andre pinsedag", "Andre pinsedag", 50),
        Fixed("Første juledag", "Første juledag", PublicHolidayKind.HolyDay, 12, 25),
        Fixed("Andre juledag", "Andre juledag", PublicHolidayKind.HolyDay, 12, 26),
    ];

    /// <summary>
    /// Easter Sunday by the Gregorian computus, in the "Anonymous" (Meeus/Jones/Butcher) arithmetic form:
    /// the Sunday after the ecclesiastical full moon on or after 21 March; always 22 March–25 April.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstGregorianYear);

        var a = year % 19;            // place in the 19-year Metonic cycle
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;      // lunar correction
        var h = ((19 * a) + b - d - g + 15) % 30; // epact: days from 21 March to the full moon
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7; // days from the full moon to the Sunday
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The twelve public holidays of <paramref name="year"/> in date order. When two fall on the same date
    /// (Ascension Day on 1 May in 2008, Whit Monday on 17 May in 2027) both are listed.
    /// </summary>
    public static IReadOnlyList<PublicHoliday> HolidaysIn(int year)
    {
        var easter = EasterSunday(year);
        return Rules
            .Select(rule => new PublicHoliday(rule.In(year, easter), rule.Name, rule.NynorskName, rule.Kind))
            .OrderBy(holiday => holiday.Date)
            .ToList();
    }

    public static bool IsPublicHoliday(DateOnly date)
    {
        var easter = EasterSunday(date.Year);
        return Rules.Any(rule => rule.In(date.Year, easter) == date);
    }

    /// <summary>The holidays on <paramref name="date"/>: none, one, or two when they coincide.</summary>
    public static IReadOnlyList<PublicHoliday> HolidaysOn(DateOnly date) =>
        HolidaysIn(date.Year).Where(holiday => holiday.Date == date).ToList();
}
