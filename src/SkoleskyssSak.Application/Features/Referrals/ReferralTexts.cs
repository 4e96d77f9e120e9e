using System.Globalization;
using System.Resources;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>The texts of the referral to the county (Resources/ReferralTexts.resx: Bokmål; .nn.resx: Nynorsk).</summary>
public static class ReferralTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.ReferralTexts", typeof(ReferralTexts).Assembly);

    /// <summary>In the current UI culture (validation messages on the caseworker's page).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string FormatCurrent(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);

    /// <summary>In the municipality's language form (letters, journal, e-mail).</summary>
    public static string Get(string key, LanguageForm form) => Texts.GetString(key, CaseTexts.CultureFor(form)) ?? key;

    public static string Format(string key, LanguageForm form, params object?[] args) =>
        string.Format(CaseTexts.CultureFor(form), Get(key, form), args);

    /// <summary>A distance as Norwegians write it: "4,6".</summary>
    public static string Km(decimal km, LanguageForm form) => km.ToString("0.##", CaseTexts.CultureFor(form));
}
