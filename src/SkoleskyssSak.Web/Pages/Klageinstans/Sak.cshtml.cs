using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.AppealBodies;
using SkoleskyssSak.Application.Features.Applications;
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
public sealed class SakModel(
    GetAppealBodyCaseFileHandler getCaseFile,
    GetAppealBodyCaseDocumentHandler getDocument,
    RecordAppealBodyDecisionHandler recordDecision,
    ExportAppealBodyCaseFileHandler export,
    IStringLocalizer<SharedResource> texts,
    TimeProvider clock) : AppealBodyPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public AppealBodyCaseFile Case { get; private set; } = null!;

    public string CasePath => $"/klageinstans/saker/{CaseId}";

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? NewOutcome { get; set; }

    [BindProperty]
    public string? MeetingDate { get; set; }

    [BindProperty]
    public string? Resolution { get; set; }

    [BindProperty]
    public string? LetterText { get; set; }

    [BindProperty]
    public IFormFile? Letter { get; set; }

    /// <summary>The body confirms it decides before the guardians' comment deadline has passed.</summary>
    [BindProperty]
    public bool DecideEarly { get; set; }

    [BindProperty]
    public string? EarlyDecisionReason { get; set; }

    /// <summary>The guardians may still comment on the open step's forwarding letter (today is not after its deadline).</summary>
    public bool CommentDeadlineOpen => Case.OpenStep is { } open && Domain.Time.NorwegianTime.Today(clock.GetUtcNow()) <= open.CommentDeadline;

    /// <summary>What this body may decide on its open step: an intermediate body forwards on or reverses.</summary>
    public IReadOnlyList<AppealBodyOutcome> Outcomes => Case.NextBodyCode is null
        ? [AppealBodyOutcome.Upheld, AppealBodyOutcome.Reversed, AppealBodyOutcome.Quashed, AppealBodyOutcome.Dismissed]
        : [AppealBodyOutcome.ForwardedOn, AppealBodyOutcome.Reversed];

    public static IReadOnlyList<DecisionOutcome> NewOutcomes { get; } = [DecisionOutcome.GrantedYearRound, DecisionOutcome.GrantedWinter, DecisionOutcome.PartlyGranted];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var file = await getDocument.HandleAsync(new GetAppealBodyCaseDocumentQuery(CaseId, documentId, BodyCode), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The whole file as one PDF with a table of contents.</summary>
    public async Task<IActionResult> OnGetBundleAsync(CancellationToken cancellationToken) =>
        Download(await export.BundleAsync(Query, cancellationToken));

    /// <summary>The original documents and a manifest, as a ZIP.</summary>
    public async Task<IActionResult> OnGetZipAsync(CancellationToken cancellationToken) =>
        Download(await export.ZipAsync(Query, cancellationToken));

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        if (!FormDates.TryParse(MeetingDate, out var meeting))
        {
            ModelState.AddModelError(nameof(MeetingDate), CaseTexts.Get("AppealStep_MeetingMissing"));
            return await ShowAsync(cancellationToken);
        }

        var letter = Letter is null ? null : await UploadLimits.ReadAsync(Letter, confidential: false, cancellationToken);
        var command = new RecordAppealBodyDecisionCommand(
            CaseId,
            BodyCode,
            StaffUserId,
            Enum.TryParse<AppealBodyOutcome>(Outcome, out var outcome) ? outcome : null,
            Enum.TryParse<DecisionOutcome>(NewOutcome, out var newOutcome) ? newOutcome : null,
            meeting,
            Resolution,
            LetterText,
            letter,
            DecideEarly,
            EarlyDecisionReason);
        return await this.AfterCommandAsync(await recordDecision.HandleAsync(command, cancellationToken), CasePath, key => key, () => ShowAsync(cancellationToken));
    }

    private ExportAppealBodyCaseFileQuery Query => new(CaseId, BodyCode, kind => texts["DocumentKind_" + kind].Value);

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
        var file = await getCaseFile.HandleAsync(new GetAppealBodyCaseFileQuery(CaseId, BodyCode), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Case = file;
        return Page();
    }
}
