using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Casework;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The case for a caseworker: the søknad as submitted, documents, journal and events; take the case, ask for more
/// information, and go on to the assessment and the decision. Every read is audited.
/// </summary>
public sealed class SakModel(
    GetCaseFileHandler getCaseFile,
    GetCaseDocumentHandler getDocument,
    ChangeCaseStateHandler changeState,
    RequestInformationHandler requestInformation,
    TimeProvider clock) : CaseworkerPageModel
{
    public CaseFile Case { get; private set; } = null!;

    [BindProperty]
    public string? Question { get; set; }

    [BindProperty]
    public string? ReplyBy { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

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
        if (!DateOnly.TryParseExact(ReplyBy, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var replyBy))
        {
            replyBy = DateOnly.MinValue;
        }

        var result = await requestInformation.HandleAsync(new RequestInformationCommand(CaseId, Municipality, StaffUserId, Question, replyBy), cancellationToken);
        return await AfterCommandAsync(result, CasePath, key => key, () => ShowAsync(cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var file = await getCaseFile.HandleAsync(new GetCaseFileQuery(CaseId, Municipality), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Case = file;
        return Page();
    }
}
