using System.Globalization;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>
/// Who handles the case and when to expect an answer, as sentences for the receipt page, its PDF and "Mine saker".
/// Without a configured processing time, the general text (an interim reply after one month, fvl § 11a).
/// </summary>
public static class CaseHandlingText
{
    public static IReadOnlyList<string> Lines(CaseHandling handling, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(handling);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        if (handling.Unit is { } unit)
        {
            lines.Add(text["CaseHandlingUnit", unit, handling.MunicipalityName]);
        }

        lines.Add(handling is { ProcessingWeeks: { } weeks, ExpectedDecisionBy: { } by }
            ? text["CaseHandlingExpected", weeks, by.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)]
            : text["ReceiptProcessingTime"]);
        return lines;
    }
}
