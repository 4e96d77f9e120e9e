using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.AppealBodies;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Klageinstans;

/// <summary>
/// The complete case file for the appeal body the case was forwarded to (fvl. § 33: the body reads everything), and the
/// body's decision on its open step (fvl. § 34). Every read is audited.
/// </summary>
[RequestSizeLimit(UploadLimits.SingleFile)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.SingleFile + UploadLimits.FormReaderMargin)]
public sealed class SakModel(ISender sender, IStringLocalizer<SharedResource> texts, TimeProvider clock) : AppealBodyPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public AppealBodyCaseFile Case { get; private set; } = null!;

    public string CasePath => $"/klageinstans/saker/{CaseId}";

    /// <summary>The decision form: empty on GET, as posted when a refused POST shows the page again.</summary>
    public AppealBodyDecisionForm Decision { get; private set; } = new();

    /// <summary>The guardians may still comment on the open step's forwarding letter (today is not after its deadline).</summary>
    public bool CommentDeadlineOpen => Case.OpenStep is { } open && Domain.Time.NorwegianTime.Today(clock.GetUtcNow()) <= open.CommentDeadline;

    /// <summary>What this body may decide on its open step: an intermediate body forwards on or reverses.</summary>
    public IReadOnlyList<AppealBodyOutcome> Outcomes => AppealBodyDecisionChoices.Outcomes(isFinalBody: Case.NextBodyCode is null);

    /// <summary>What a reversal may give instead (the command's validator allows only these).</summary>
    public static IReadOnlyList<DecisionOutcome> NewOutcomes => AppealBodyDecisionChoices.NewOutcomes;

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetAppealBodyCaseDocumentQuery(CaseId, documentId, BodyCode), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The whole file as one PDF with a table of contents.</summary>
    public async Task<IActionResult> OnGetBundleAsync(CancellationToken cancellationToken) =>
        Download(await sender.Send(new ExportAppealBodyCaseFileBundleQuery(CaseId, BodyCode, KindName), cancellationToken));

    /// <summary>The original documents and a manifest, as a ZIP.</summary>
    public async Task<IActionResult> OnGetZipAsync(CancellationToken cancellationToken) =>
        Download(await sender.Send(new ExportAppealBodyCaseFileZipQuery(CaseId, BodyCode), cancellationToken));

    public async Task<IActionResult> OnPostDecideAsync(AppealBodyDecisionForm form, CancellationToken cancellationToken)
    {
        Decision = form;
        if (!FormDates.TryParse(form.MeetingDate, out var meeting))
        {
            ModelState.AddModelError(nameof(form.MeetingDate), CaseTexts.Get("AppealStep_MeetingMissing"));
            return await ShowAsync(cancellationToken);
        }

        var letter = form.Letter is null ? null : await UploadLimits.ReadAsync(form.Letter, confidential: false, cancellationToken);
        var command = new RecordAppealBodyDecisionCommand(
            CaseId,
            BodyCode,
            StaffUserId,
            Enum.TryParse<AppealBodyOutcome>(form.Outcome, out var outcome) ? outcome : null,
            Enum.TryParse<DecisionOutcome>(form.NewOutcome, out var newOutcome) ? newOutcome : null,
            meeting,
            form.Resolution,
            form.LetterText,
            letter,
            form.DecideEarly,
            form.EarlyDecisionReason);
        var result = await sender.Send(command, cancellationToken);
        if (result.IsOk)
        {
            return Redirect(CasePath);
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure);
        return await ShowAsync(cancellationToken);
    }

    private string KindName(Domain.Documents.CaseDocumentKind kind) => texts["DocumentKind_" + kind].Value;

    private IActionResult Download(ExportedFile? file)
    {
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetAppealBodyCaseFileQuery(CaseId, BodyCode), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Case = file;
        return Page();
    }
}

/// <summary>The appeal body's decision as its form posts it; the fields keep their names on the page (no prefix).</summary>
public sealed class AppealBodyDecisionForm
{
    public string? Outcome { get; set; }

    public string? NewOutcome { get; set; }

    public string? MeetingDate { get; set; }

    public string? Resolution { get; set; }

    public string? LetterText { get; set; }

    public IFormFile? Letter { get; set; }

    /// <summary>The body confirms it decides before the guardians' comment deadline has passed.</summary>
    public bool DecideEarly { get; set; }

    public string? EarlyDecisionReason { get; set; }
}
