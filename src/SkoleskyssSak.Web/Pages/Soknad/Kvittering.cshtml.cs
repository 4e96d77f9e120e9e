using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Referrals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Web.Documents;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>The receipt: the case number and what happens next, as a page and as a PDF. Only for a party of a submitted case.</summary>
public sealed class KvitteringModel(
    ISender sender,
    HtmlDocumentRenderer documents,
    IPdfRenderer pdf,
    IStringLocalizer<SharedResource> text) : ApplicationPageModel(sender)
{
    /// <summary>What the receipt says of the parent's own distance estimate (issue 11).</summary>
    public ReceiptDistance Estimate => ReceiptDistance.Of(Case.Application);

    /// <summary>The distance-check paragraph when an estimate is beyond the grade's limit; null otherwise.</summary>
    public string? DistanceCheck => Estimate.Text(Case.Handling.LanguageForm);

    public string PdfUrl => $"/soknad/{CaseId}/kvittering?handler=Pdf&kommune={Case.MunicipalityNumber}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        return Case.CaseNumber is null ? NotFound() : LanguageRedirect("kvittering") ?? Page();
    }

    public Task<IActionResult> OnPostSiblingAsync(CancellationToken cancellationToken) => CopyForSiblingAsync(cancellationToken);

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

        var html = await documents.RenderAsync("/Documents/ReceiptLetter.cshtml", Letter(caseNumber));
        var bytes = await pdf.RenderAsync(new PdfDocumentRequest(html, FooterLabel: caseNumber.ToString()), cancellationToken);
        return File(bytes, "application/pdf", $"kvittering-{caseNumber.Year}-{caseNumber.Sequence:00000}.pdf");
    }

    /// <summary>"Oppvekst – skulekontoret\nSunnfjord kommune": the unit above the municipality, as in a letterhead.</summary>
    private string Sender() =>
        Case.Handling.Unit is { } unit ? $"{unit}\n{Case.Handling.MunicipalityName} kommune" : $"{Case.Handling.MunicipalityName} kommune";

    private ReceiptLetterModel Letter(CaseNumber caseNumber)
    {
        var received = Case.SubmittedAt;
        var child = Case.Application.Child;
        var facts = new List<(string, string)>
        {
            (text["ReceiptCaseNumber"].Value.TrimEnd(':'), caseNumber.ToString()),
            (text["ReceiptReceived"], received is { } at ? NorwegianTime.Today(at).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : string.Empty),
            (text["ReceiptPupil"], child?.Name ?? string.Empty),
            (text["ReceiptSchool"], Case.SchoolName ?? string.Empty),
            (text["ReceiptSchoolYear"], child is null ? string.Empty : $"{child.SchoolYearStart}/{child.SchoolYearStart + 1}"),
        };
        if (Case.Handling.Unit is { } unit)
        {
            facts.Add((text["ReceiptHandlingUnit"], unit));
        }

        if (Case.Handling.ExpectedDecisionBy is { } by && !Estimate.AllHomesBeyond)
        {
            facts.Add((text["ReceiptExpectedBy"], by.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }

        var next = new List<string>();
        if (DistanceCheck is { } check)
        {
            next.Add(check);
        }

        next.Add(text["ReceiptNext"]);
        if (!Estimate.AllHomesBeyond)
        {
            next.AddRange(CaseHandlingText.Lines(Case.Handling, text));
        }
        return new ReceiptLetterModel(Cultures.HtmlLang, Sender(), text["ReceiptTitle"], caseNumber.ToString(), facts, text["ReceiptNextTitle"], next);
    }
}
