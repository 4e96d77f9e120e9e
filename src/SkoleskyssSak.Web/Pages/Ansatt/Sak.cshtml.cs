using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Casework;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Web.Hosting;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The case for a caseworker: the søknad as submitted, documents, journal and events; take the case, ask for more
/// information, handle an appeal, and go on to the assessment and the decision. Every read is audited (by the query).
/// Each POST handler binds its own form and sends one command; after a refusal the page shows itself again.
/// </summary>
[RequestSizeLimit(UploadLimits.SingleFile)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.SingleFile + UploadLimits.FormReaderMargin)]
public sealed class SakModel(ISender sender, TimeProvider clock) : CaseworkerPageModel
{
    public CaseFile Case { get; private set; } = null!;

    public AppealStatus Appeals { get; private set; } = new(null, false, []);

    // What each form shows: empty or defaulted on GET, as posted when a POST is shown again.
    public ReopenCaseForm Reopening { get; private set; } = new();

    public RequestInformationForm Inquiry { get; private set; } = new();

    public RegisterAppealForm AppealRegistration { get; private set; } = new();

    public ConsiderAppealForm Consideration { get; private set; } = new();

    public ForwardAppealForm Forwarding { get; private set; } = new();

    public DismissAppealForm Dismissal { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Inquiry.ReplyBy = Day(NorwegianTime.Today(clock.GetUtcNow()).AddDays(14));
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId, CancellationToken cancellationToken)
    {
        var file = await sender.Send(new GetCaseDocumentQuery(CaseId, documentId, Municipality), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostTakeAsync(CancellationToken cancellationToken) =>
        await AfterAsync(
            await sender.Send(new ChangeCaseStateCommand(CaseId, Municipality, StaffUserId, CaseTrigger.StartAssessment, null), cancellationToken),
            _ => string.Empty,
            cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(ReopenCaseForm form, CancellationToken cancellationToken)
    {
        Reopening = form;
        return await AfterAsync(
            await sender.Send(new ChangeCaseStateCommand(CaseId, Municipality, StaffUserId, CaseTrigger.ReopenForChange, form.Reason), cancellationToken),
            _ => nameof(form.Reason),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostRequestAsync(RequestInformationForm form, CancellationToken cancellationToken)
    {
        Inquiry = form;

        // An empty or malformed deadline goes to the handler as no date at all, which answers with its own message.
        var replyBy = FormDates.TryParse(form.ReplyBy, out var parsed) && parsed is { } date ? date : DateOnly.MinValue;
        var result = await sender.Send(new RequestInformationCommand(CaseId, Municipality, StaffUserId, form.Question, replyBy), cancellationToken);
        return await AfterCommandAsync(result, CasePath, key => key, () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostRegisterAppealAsync(RegisterAppealForm form, CancellationToken cancellationToken)
    {
        AppealRegistration = form;
        var channel = Enum.TryParse<AppealChannel>(form.AppealChannel, out var c) && c != AppealChannel.Online ? c : AppealChannel.Paper;
        var received = ModelState.DateField(form.AppealReceivedOn, nameof(form.AppealReceivedOn), DateInvalid);
        var posted = ModelState.DateField(form.AppealPostedOn, nameof(form.AppealPostedOn), DateInvalid);
        var notice = ModelState.DateField(form.AppealNoticeOn, nameof(form.AppealNoticeOn), DateInvalid);
        if (!ModelState.IsValid || received is null)
        {
            ModelState.TryAddModelError(nameof(form.AppealReceivedOn), DateInvalid);
            return await ShowAsync(cancellationToken);
        }

        var letter = form.AppealLetter is null ? null : await UploadLimits.ReadAsync(form.AppealLetter, confidential: true, cancellationToken);
        var result = await sender.Send(new RegisterAppealCommand(CaseId, Municipality, StaffUserId, channel, received.Value, posted, notice, form.AppealSummary, letter), cancellationToken);
        return await AfterAsync(result, key => key switch
        {
            nameof(RegisterAppealCommand.Text) => nameof(form.AppealSummary),
            nameof(RegisterAppealCommand.ReceivedOn) => nameof(form.AppealReceivedOn),
            nameof(RegisterAppealCommand.NoticeReceivedOn) => nameof(form.AppealNoticeOn),
            _ => nameof(form.AppealLetter),
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostConsiderAppealAsync(ConsiderAppealForm form, CancellationToken cancellationToken)
    {
        Consideration = form;
        return await AfterAsync(
            await sender.Send(new ConsiderAppealCommand(CaseId, Municipality, StaffUserId, form.LateReason), cancellationToken),
            _ => nameof(form.LateReason),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostForwardAppealAsync(ForwardAppealForm form, CancellationToken cancellationToken)
    {
        Forwarding = form;
        var deadline = ModelState.DateField(form.CommentDeadline, nameof(form.CommentDeadline), DateInvalid) ?? DateOnly.MinValue;
        var result = await sender.Send(new ForwardAppealCommand(CaseId, Municipality, StaffUserId, form.ForwardAssessment, deadline), cancellationToken);
        return await AfterAsync(result, key => key == nameof(ForwardAppealCommand.Assessment) ? nameof(form.ForwardAssessment) : nameof(form.CommentDeadline), cancellationToken);
    }

    /// <summary>The dismissal of a late appeal (fvl. § 31), itself an enkeltvedtak with its own letter and right of appeal.</summary>
    public async Task<IActionResult> OnPostDismissAppealAsync(DismissAppealForm form, CancellationToken cancellationToken)
    {
        Dismissal = form;
        return await AfterAsync(
            await sender.Send(new DismissLateAppealCommand(CaseId, Municipality, StaffUserId, form.DismissReason), cancellationToken),
            _ => nameof(form.DismissReason),
            cancellationToken);
    }

    /// <summary>The reply deadline of a request for information passed unanswered: the caseworker resumes the case.</summary>
    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken) =>
        await AfterCommandAsync(
            await sender.Send(new ResumeAfterReplyDeadlineCommand(CaseId, Municipality, StaffUserId), cancellationToken),
            CasePath,
            _ => string.Empty,
            () => ShowAsync(cancellationToken));

    private static string DateInvalid => CaseTexts.Get("AppealDateInvalid");

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Done → the case again (a fresh GET); NotFound → 404; otherwise the messages on the page, shown again.</summary>
    private async Task<IActionResult> AfterAsync(CommandResult result, Func<string, string> field, CancellationToken cancellationToken)
    {
        if (result.IsOk)
        {
            return Redirect(CasePath);
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, field);
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Appeals = await sender.Send(new GetAppealStatusQuery(CaseId, null, Municipality), cancellationToken) ?? Appeals;
        var today = NorwegianTime.Today(clock.GetUtcNow());
        AppealRegistration.AppealReceivedOn ??= Day(today);
        Forwarding.CommentDeadline ??= Day(today.AddDays(14));
        var file = await sender.Send(new GetCaseFileQuery(CaseId, Municipality), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Case = file;
        return Page();
    }
}
