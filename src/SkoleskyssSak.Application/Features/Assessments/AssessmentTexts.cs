using System.Globalization;
using System.Resources;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>The assessment's texts (Resources/AssessmentTexts.resx: Bokmål; .nn.resx: Nynorsk).</summary>
public static class AssessmentTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.AssessmentTexts", typeof(AssessmentTexts).Assembly);

    /// <summary>In the current UI culture (the page's language).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>In the municipality's language form (what a letter quotes).</summary>
    public static string Format(string key, LanguageForm form, params object?[] args)
    {
        var culture = CaseTexts.CultureFor(form);
        return string.Format(culture, Texts.GetString(key, culture) ?? key, args);
    }

    public static string FormatCurrent(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Refusal(AssessmentRefusal refusal) => Get(refusal.ToString());
}
