using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Casework;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The case for a caseworker: the søknad as submitted, documents, journal and events; take the case, ask for more
/// information, and go on to the assessment and the decision. Every read is audited.
/// </summary>
[RequestSizeLimit(UploadLimits.SingleFile)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.SingleFile + UploadLimits.FormReaderMargin)]
public sealed class SakModel(
    GetAppealStatusHandler appealStatus,
    RegisterAppealHandler registerAppeal,
    ConsiderAppealHandler considerAppeal,
    ForwardAppealHandler forwardAppeal,
    GetCaseFileHandler getCaseFile,
    GetCaseDocumentHandler getDocument,
    ChangeCaseStateHandler changeState,
    ISender sender,
    TimeProvider clock) : CaseworkerPageModel
{
    public CaseFile Case { get; private set; } = null!;

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? ReplyBy { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public AppealStatus Appeals { get; private set; } = new(null, false, []);

    [BindProperty]
    public string? AppealChannel { get; set; }

    [BindProperty]
    public string? AppealReceivedOn { get; set; }

    [BindProperty]
    public string? AppealPostedOn { get; set; }

    [BindProperty]
    public string? AppealNoticeOn { get; set; }

    [BindProperty]
    public string? AppealSummary { get; set; }

    [BindProperty]
    public IFormFile? AppealLetter { get; set; }

    [BindProperty]
    public string? LateReason { get; set; }

    [BindProperty]
    public string? ForwardAssessment { get; set; }

    [BindProperty]
    public string? CommentDeadline { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ReplyBy = NorwegianTime.Today(clock.GetUtcNow()).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var file = await getDocument.HandleAsync(new GetCaseDocumentQuery(CaseId, documentId, Municipality), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken) =>
        await AfterCommandAsync(
            await changeState.HandleAsync(new ChangeCaseStateCommand(CaseId, Municipality, StaffUserId, CaseTrigger.StartAssessment, null), cancellationToken),
            CasePath,
            _ => string.Empty,
            () => ShowAsync(cancellationToken));

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        await AfterCommandAsync(
            await changeState.HandleAsync(new ChangeCaseStateCommand(CaseId, Municipality, StaffUserId, CaseTrigger.ReopenForChange, Reason), cancellationToken),
            CasePath,
            _ => nameof(Reason),
            () => ShowAsync(cancellationToken));

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken cancellationToken)
    {
        // An empty or malformed deadline goes to the handler as no date at all, which answers with its own message.
        var replyBy = FormDates.TryParse(ReplyBy, out var parsed) && parsed is { } date ? date : DateOnly.MinValue;

        var result = await sender.Send(new RequestInformationCommand(CaseId, Municipality, StaffUserId, Question, replyBy), cancellationToken);
        return await AfterCommandAsync(result, CasePath, key => key, () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostRegisterAppealAsync(CancellationToken cancellationToken)
    {
        var channel = Enum.TryParse<AppealChannel>(AppealChannel, out var c) && c != Domain.Appeals.AppealChannel.Online ? c : Domain.Appeals.AppealChannel.Paper;
        var received = ModelState.DateField(AppealReceivedOn, nameof(AppealReceivedOn), DateInvalid);
        var posted = ModelState.DateField(AppealPostedOn, nameof(AppealPostedOn), DateInvalid);
        var notice = ModelState.DateField(AppealNoticeOn, nameof(AppealNoticeOn), DateInvalid);
        if (!ModelState.IsValid || received is null)
        {
            ModelState.TryAddModelError(nameof(AppealReceivedOn), CaseTexts.Get("AppealDateInvalid"));
            return await ShowAsync(cancellationToken);
        }

        var letter = AppealLetter is null ? null : await UploadLimits.ReadAsync(AppealLetter, confidential: true, cancellationToken);
        var result = await registerAppeal.HandleAsync(new RegisterAppealCommand(CaseId, Municipality, StaffUserId, channel, received.Value, posted, notice, AppealSummary, letter), cancellationToken);
        return await AfterCommandAsync(result, CasePath, key => key switch
        {
            "Text" => nameof(AppealSummary),
            "ReceivedOn" => nameof(AppealReceivedOn),
            "NoticeReceivedOn" => nameof(AppealNoticeOn),
            _ => nameof(AppealLetter),
        }, () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostConsiderAppealAsync(CancellationToken cancellationToken) =>
        await AfterCommandAsync(
            await considerAppeal.HandleAsync(new ConsiderAppealCommand(CaseId, Municipality, StaffUserId, LateReason), cancellationToken),
            CasePath,
            _ => nameof(LateReason),
            () => ShowAsync(cancellationToken));

    public async Task<IActionResult> OnPostForwardAppealAsync(CancellationToken cancellationToken)
    {
        var deadline = ModelState.DateField(CommentDeadline, nameof(CommentDeadline), DateInvalid) ?? DateOnly.MinValue;
        var result = await forwardAppeal.HandleAsync(new ForwardAppealCommand(CaseId, Municipality, StaffUserId, ForwardAssessment, deadline), cancellationToken);
        return await AfterCommandAsync(result, CasePath, key => key == nameof(ForwardAppealCommand.Assessment) ? nameof(ForwardAssessment) : nameof(CommentDeadline), () => ShowAsync(cancellationToken));
    }

    // The dismissal of a late appeal (fvl. § 31), itself an enkeltvedtak with its own letter and right of appeal.
    [BindProperty]
    public string? DismissReason { get; set; }

    public async Task<IActionResult> OnPostDismissAppealAsync([FromServices] DismissLateAppealHandler dismissAppeal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dismissAppeal);
        return await AfterCommandAsync(
            await dismissAppeal.HandleAsync(new DismissLateAppealCommand(CaseId, Municipality, StaffUserId, DismissReason), cancellationToken),
            CasePath,
            _ => nameof(DismissReason),
            () => ShowAsync(cancellationToken));
    }

    /// <summary>The reply deadline of a request for information passed unanswered: the caseworker resumes the case.</summary>
    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        return await AfterCommandAsync(
            await sender.Send(new ResumeAfterReplyDeadlineCommand(CaseId, Municipality, StaffUserId), cancellationToken),
            CasePath,
            _ => string.Empty,
            () => ShowAsync(cancellationToken));
    }

    private static string DateInvalid => CaseTexts.Get("AppealDateInvalid");

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Appeals = await appealStatus.HandleAsync(new GetAppealStatusQuery(CaseId, null, Municipality), cancellationToken) ?? Appeals;
        AppealReceivedOn ??= NorwegianTime.Today(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        CommentDeadline ??= NorwegianTime.Today(clock.GetUtcNow()).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = await getCaseFile.HandleAsync(new GetCaseFileQuery(CaseId, Municipality), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Case = file;
        return Page();
    }
}
