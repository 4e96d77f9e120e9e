using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Web.Localization;
using SkoleskyssSak.Web.Security;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The decision of a case: outcome, period and grounds (fvl. §§ 24–25) as a draft, the letter previewed exactly as it
/// will be printed, then issued (PDF, journal, notice to the guardians). A failed save keeps everything typed.
/// </summary>
public sealed class VedtakModel(
    GetDecisionWorkspaceHandler getWorkspace,
    SaveDecisionDraftHandler save,
    PreviewDecisionHandler preview,
    IssueDecisionHandler issue,
    IStringLocalizer<SharedResource> text) : CaseworkerPageModel
{
    public DecisionWorkspace Workspace { get; private set; } = null!;

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? PeriodFrom { get; set; }

    [BindProperty]
    public string? PeriodTo { get; set; }

    [BindProperty]
    public string? Grounds { get; set; }

    /// <summary>Why the outcome departs from the assessment's conclusion (required only when it does).</summary>
    [BindProperty]
    public string? AssessmentDeparture { get; set; }

    /// <summary>The caseworker confirmed issuing with the outcome shown in words.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The outcome shown when confirming; a draft changed meanwhile is not issued.</summary>
    [BindProperty]
    public string? ConfirmedOutcome { get; set; }

    /// <summary>Under four-eyes: this caseworker drafted or changed the draft and may not issue it.</summary>
    public bool MayNotIssue => Workspace.RequiresSecondApproval && Workspace.Draft is { } draft && draft.WasEditedBy(StaffUserId);

    /// <summary>The draft's revision (its UpdatedAt ticks) when the form was loaded; empty when there was no draft.</summary>
    [BindProperty]
    public string? Revision { get; set; }

    [BindProperty(SupportsGet = true, Name = "sendt")]
    public bool Issued { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        ShowDraft();
        return Page();
    }

    /// <summary>The letter as it will be printed: the same HTML, under a policy that allows its inline style only.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(CancellationToken cancellationToken)
    {
        var html = await preview.HandleAsync(new PreviewDecisionQuery(CaseId, Municipality), cancellationToken);
        if (html is null)
        {
            return NotFound();
        }

        SecurityHeadersMiddleware.UseDocumentPreviewPolicy(HttpContext);
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var outcome = Enum.TryParse<DecisionOutcome>(Outcome, out var o) && Enum.IsDefined(o) ? o : (DecisionOutcome)(-1);
        var from = ModelState.DateField(PeriodFrom, nameof(PeriodFrom), CaseTexts.Get("DecisionPeriodMissing"));
        var to = ModelState.DateField(PeriodTo, nameof(PeriodTo), CaseTexts.Get("DecisionPeriodMissing"));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var revision = ConcurrencyTokens.Timestamp(Revision);
        var result = await save.HandleAsync(new SaveDecisionDraftCommand(CaseId, Municipality, StaffUserId, outcome, from, to, Grounds, revision, AssessmentDeparture), cancellationToken);
        return await AfterCommandAsync(result, $"{CasePath}/vedtak", Field, () =>
        {
            // After a conflict the form keeps what was typed, now against the colleague's revision: saving again is a
            // deliberate choice to replace it.
            if (result is ApplicationResult.Conflict)
            {
                Revision = RevisionOf(Workspace.Draft);
            }

            return Task.FromResult<IActionResult>(Page());
        });
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), text["StaffDecisionConfirmMissing"]);
            ShowDraft();
            return Page();
        }

        var confirmed = Enum.TryParse<DecisionOutcome>(ConfirmedOutcome, out var c) && Enum.IsDefined(c) ? c : (DecisionOutcome?)null;
        var result = await issue.HandleAsync(new IssueDecisionCommand(CaseId, Municipality, StaffUserId, confirmed), cancellationToken);
        return await AfterCommandAsync(result, $"{CasePath}/vedtak?sendt=true", Field, async () =>
        {
            await LoadAsync(cancellationToken);
            ShowDraft();
            return Page();
        });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var workspace = await getWorkspace.HandleAsync(new GetDecisionWorkspaceQuery(CaseId, Municipality), cancellationToken);
        if (workspace is null)
        {
            return NotFound();
        }

        Workspace = workspace;
        return null;
    }

    private void ShowDraft()
    {
        var draft = Workspace.Draft;
        Outcome = draft?.Outcome.ToString() ?? Workspace.ProposedOutcome?.ToString();
        PeriodFrom = Iso(draft?.PeriodFrom);
        PeriodTo = Iso(draft?.PeriodTo);
        Grounds = draft?.Grounds ?? Workspace.ProposedGrounds;
        AssessmentDeparture = draft?.AssessmentDeparture;
        Revision = RevisionOf(draft);
    }

    private static string? RevisionOf(DecisionDraftView? draft) => draft?.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Field(string key) => key;
}
