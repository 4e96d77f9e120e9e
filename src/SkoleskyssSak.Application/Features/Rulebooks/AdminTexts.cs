using System.Globalization;
using System.Resources;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// The admin's messages (Resources/RulebookAdminTexts*.resx) in the page's language: Bokmål, or Nynorsk when the
/// request culture is nn (Sunnfjord's pages).
/// </summary>
public static class AdminTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.RulebookAdminTexts", typeof(AdminTexts).Assembly);

    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
