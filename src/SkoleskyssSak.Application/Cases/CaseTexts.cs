using System.Globalization;
using System.Resources;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Cases;

/// <summary>
/// The texts of a case: søknad, receipts, journal titles, refusals (Resources/CaseTexts.resx: Bokmål; .nn.resx: Nynorsk).
/// </summary>
public static class CaseTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.CaseTexts", typeof(CaseTexts).Assembly);
    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn-NO");

    /// <summary>In the current UI culture (the municipality's language form, set by the web layer).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>In the municipality's language form, whatever the current culture (letters, journal, e-mail).</summary>
    public static string Get(string key, LanguageForm form) => Texts.GetString(key, CultureFor(form)) ?? key;

    /// <summary>A text with values filled in, in the current UI culture (validation messages).</summary>
    public static string FormatCurrent(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Format(string key, LanguageForm form, params object?[] args) =>
        string.Format(CultureFor(form), Get(key, form), args);

    public static CultureInfo CultureFor(LanguageForm form) => form == LanguageForm.Nynorsk ? Nynorsk : Bokmal;
}
