namespace SkoleskyssSak.Domain.Time;

/// <summary>
/// The dates the service works with: 01.01.2000 to 31.12.2100, the same span as the school years a søknad may name
/// (2000–2100). Outside it a date is a typing error or an attack, and the calendar arithmetic of school years and winter
/// periods (<see cref="NorwegianTime.SchoolYearStart"/>, <c>WinterPeriod.InSchoolYear</c>) would leave the calendar at
/// 0001-01-01 or 9999-12-31. Forms and the API refuse such a date with a message naming the field.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
