using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Deadlines;

/// <summary>Why a day is a public holiday in Norway.</summary>
public enum PublicHolidayKind
{
    /// <summary>A helligdag (helligdagsfredloven § 2): the Sundays and the church holidays.</summary>
    HolyDay,

    /// <summary>An offisiell høytidsdag: 1 and 17 May (lov 26. april 1947 nr. 1).</summary>
    OfficialHoliday,
}

/// <summary>A public holiday on a date, with its name as the Norwegian almanac prints it.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name, string NynorskName, PublicHolidayKind Kind)
{
    public string NameIn(LanguageForm form) => form == LanguageForm.Nynorsk ? NynorskName : Name;
}
