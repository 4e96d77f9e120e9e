using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Application.Features.Referrals;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Pages.Soknad;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>
/// One case of "Mine saker": its state, timeline, documents, the reply to a request for information, withdrawal before
/// it is decided, and a copy for a sibling. Anyone else's case: 404.
/// </summary>
[RequestSizeLimit(UploadLimits.AllFiles)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.AllFiles + UploadLimits.FormReaderMargin)]
public sealed class SakModel(
    ISender sender) : ApplicationPageModel(sender)
{
    /// <summary>What of the case was sent to the county, when, and to whom (issue 11).</summary>
    public IReadOnlyList<MyReferral> Referrals { get; private set; } = [];

    [BindProperty]
    public string? CommentText { get; set; }

    [BindProperty]
    public List<IFormFile> CommentFiles { get; set; } = [];

    /// <summary>Set after the comments were sent (?merknad=true), announced as a status.</summary>
    [BindProperty(SupportsGet = true, Name = "merknad")]
    public bool Commented { get; set; }

    public AppealStatus Appeals { get; private set; } = new(null, false, []);

    [BindProperty]
    public string? AppealText { get; set; }

    [BindProperty]
    public List<IFormFile> AppealFiles { get; set; } = [];

    /// <summary>Set after the appeal was sent (?klaget=true), announced as a status.</summary>
    [BindProperty(SupportsGet = true, Name = "klaget")]
    public bool Appealed { get; set; }

    /// <summary>Set after the appeal was withdrawn (?klagetrukket=true), announced as a status.</summary>
    [BindProperty(SupportsGet = true, Name = "klagetrukket")]
    public bool AppealWithdrawn { get; set; }

    /// <summary>The day the latest appeal was withdrawn, while the decision it was against stands (issue 11); else null.</summary>
    public DateOnly? AppealWithdrawnOn =>
        Case.State == Domain.Cases.CaseState.Decided && Appeals.Appeals.Count > 0 && Appeals.Appeals[^1].WithdrawnAt is { } at
            ? Domain.Time.NorwegianTime.Today(at)
            : null;

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    [BindProperty]
    public bool Confidential { get; set; }

    /// <summary>Set after the reply was sent (the redirect's ?svart=true), announced as a status.</summary>
    [BindProperty(SupportsGet = true, Name = "svart")]
    public bool Answered { get; set; }

    protected override string LanguageUrl(string pageName) => $"/mine-saker/{CaseId}?kommune={Case.MunicipalityNumber}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(draftOnly: false, "sak", cancellationToken) ?? await WithAppealsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAppealAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        Appealed = false;
        var files = await UploadLimits.ReadAllAsync(AppealFiles, confidential: true, cancellationToken);

        var result = await Requests.Send(new SubmitAppealCommand(CaseId, Pseudonym, AppealText, files), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(LanguageUrl("sak") + "&klaget=true");
        }

        return await ShowFailureAsync(result.Failure, key => key == nameof(SubmitAppealCommand.Text) ? nameof(AppealText) : nameof(AppealFiles), cancellationToken);
    }

    public async Task<IActionResult> OnPostCommentAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        Commented = false;
        var files = await UploadLimits.ReadAllAsync(CommentFiles, confidential: true, cancellationToken);

        var result = await Requests.Send(new CommentOnForwardingCommand(CaseId, Pseudonym, CommentText, files), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(LanguageUrl("sak") + "&merknad=true");
        }

        return await ShowFailureAsync(result.Failure, key => key == nameof(CommentOnForwardingCommand.Text) ? nameof(CommentText) : nameof(CommentFiles), cancellationToken);
    }

    /// <summary>An appeal command's failure: 404, or its messages on the page shown again.</summary>
    private async Task<IActionResult> ShowFailureAsync(Failure failure, Func<string, string> field, CancellationToken cancellationToken)
    {
        if (failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(failure, field);
        return await WithAppealsAsync(cancellationToken);
    }

    private async Task<IActionResult> WithAppealsAsync(CancellationToken cancellationToken)
    {
        Appeals = await Requests.Send(new GetAppealStatusQuery(CaseId, Pseudonym, null), cancellationToken) ?? Appeals;
        Referrals = await Requests.Send(new GetMyReferralsQuery(CaseId, Pseudonym), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        Answered = false;
        var files = await UploadLimits.ReadAllAsync(Files, Confidential, cancellationToken);

        var result = await Requests.Send(new AnswerInformationRequestCommand(CaseId, Pseudonym, Answer, files), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(LanguageUrl("sak") + "&svart=true");
        }

        return await AfterSaveAsync(result, "sak", key => key == nameof(AnswerInformationRequestCommand.Answer) ? nameof(Answer) : nameof(Files), () => Task.CompletedTask);
    }

    public Task<IActionResult> OnPostSiblingAsync(CancellationToken cancellationToken) => CopyForSiblingAsync(cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        var result = await Requests.Send(new WithdrawApplicationCommand(CaseId, Pseudonym), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(LanguageUrl("sak"));
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, _ => string.Empty);
        return Page();
    }
}
