namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// The municipality's winter-transport period, e.g. 15.10–15.03 (Sunnfjord), 01.11–31.03 (Melhus),
/// 01.11–15.04 (Rana), December–February (Sarpsborg). It spans the new year.
/// </summary>
public sealed record WinterPeriod(int FromMonth, int FromDay, int ToMonth, int ToDay)
{
    /// <summary>The period in the school year that starts in August of <paramref name="schoolYearStart"/>.</summary>
    public (DateOnly From, DateOnly To) InSchoolYear(int schoolYearStart)
    {
        var toYear = schoolYearStart + (ToMonth < FromMonth ? 1 : 0);

        // "Desember–februar" (Sarpsborg) is written 01.12–29.02 and ends on 28.02 in a common year.
        return (new DateOnly(schoolYearStart, FromMonth, FromDay), new DateOnly(toYear, ToMonth, Math.Min(ToDay, DateTime.DaysInMonth(toYear, ToMonth))));
    }

    public bool Contains(DateOnly date)
    {
        var (from, to) = InSchoolYear(Time.NorwegianTime.SchoolYearStart(date));
        return date >= from && date <= to;
    }

    /// <summary>"15.10.–15.03." as Norwegian texts write it.</summary>
    public override string ToString() => $"{FromDay:00}.{FromMonth:00}.–{ToDay:00}.{ToMonth:00}.";
}
