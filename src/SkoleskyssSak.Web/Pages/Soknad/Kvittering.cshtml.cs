using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Web.Documents;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>The receipt: the case number and what happens next, as a page and as a PDF. Only for a party of a submitted case.</summary>
public sealed class KvitteringModel(
    GetMyCaseHandler getCase,
    ListMunicipalitiesHandler municipalities,
    HtmlDocumentRenderer documents,
    IPdfRenderer pdf,
    IStringLocalizer<SharedResource> text) : ApplicationPageModel(getCase)
{
    public string PdfUrl => $"/soknad/{CaseId}/kvittering?handler=Pdf&kommune={Case.MunicipalityNumber}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        return Case.CaseNumber is null ? NotFound() : LanguageRedirect("kvittering") ?? Page();
    }

    /// <summary>The receipt as a tagged PDF, printed from the ReceiptLetter template.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Case.CaseNumber is not { } caseNumber)
        {
            return NotFound();
        }

        var municipality = (await municipalities.HandleAsync(new ListMunicipalitiesQuery(), cancellationToken)).Single(m => m.Number == Case.MunicipalityNumber);
        var html = await documents.RenderAsync("/Documents/ReceiptLetter.cshtml", Letter(caseNumber, municipality.Name));
        var bytes = await pdf.RenderAsync(new PdfDocumentRequest(html, FooterLabel: caseNumber.ToString()), cancellationToken);
        return File(bytes, "application/pdf", $"kvittering-{caseNumber.Year}-{caseNumber.Sequence:00000}.pdf");
    }

    private ReceiptLetterModel Letter(CaseNumber caseNumber, string municipalityName)
    {
        var received = Case.Timeline.FirstOrDefault(e => e.Trigger == CaseTrigger.Submit)?.OccurredAt;
        var child = Case.Application.Child;
        var facts = new List<(string, string)>
        {
            (text["ReceiptCaseNumber"].Value.TrimEnd(':'), caseNumber.ToString()),
            (text["ReceiptReceived"], received is { } at ? NorwegianTime.Today(at).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : string.Empty),
            (text["ReceiptPupil"], child?.Name ?? string.Empty),
            (text["ReceiptSchool"], Case.SchoolName ?? string.Empty),
            (text["ReceiptSchoolYear"], child is null ? string.Empty : $"{child.SchoolYearStart}/{child.SchoolYearStart + 1}"),
        };
        var next = new List<string>();
        if (Case.State == CaseState.ReferredToCounty)
        {
            next.Add(text["ReceiptReferredToCounty"]);
        }

        next.Add(text["ReceiptNext"]);
        next.Add(text["ReceiptProcessingTime"]);
        return new ReceiptLetterModel(Cultures.HtmlLang, $"{municipalityName} kommune", text["ReceiptTitle"], caseNumber.ToString(), facts, text["ReceiptNextTitle"], next);
    }
}
