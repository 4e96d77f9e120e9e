using System.Globalization;
using Microsoft.AspNetCore.Localization;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Web.Localization;

/// <summary>
/// Bokmål by default, Nynorsk for Nynorsk municipalities (mållova § 6; Sunnfjord writes Nynorsk) and for
/// anyone who picks it. Order: ?kommune= of a Nynorsk municipality, the language cookie, then Bokmål.
/// </summary>
public static class Cultures
{
    public static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");
    public static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn-NO");

    public static readonly IList<CultureInfo> Supported = [Bokmal, Nynorsk];

    public static CultureInfo For(LanguageForm form) => form == LanguageForm.Nynorsk ? Nynorsk : Bokmal;

    /// <summary>The value of <c>&lt;html lang&gt;</c>: nb or nn.</summary>
    public static string HtmlLang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nn" ? "nn" : "nb";

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Bokmal),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new MunicipalityCultureProvider(),
            new CookieRequestCultureProvider(),
        ];
        return options;
    }
}
