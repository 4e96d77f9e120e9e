using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Web.Security;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The decision of a case: outcome, period and grounds (fvl. §§ 24–25) as a draft, the letter previewed exactly as it
/// will be printed, then issued (PDF, journal, notice to the guardians). A failed save keeps everything typed. Each
/// handler sends one command (SaveDecisionDraft, IssueDecision) and, to show the page again, the page's query.
/// </summary>
public sealed class VedtakModel(ISender sender) : CaseworkerPageModel
{
    public DecisionWorkspace Workspace { get; private set; } = null!;

    [BindProperty]
    public DecisionOutcome? Outcome { get; set; }

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
    public DecisionOutcome? ConfirmedOutcome { get; set; }

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
        var html = await sender.Send(new PreviewDecisionQuery(CaseId, Municipality), cancellationToken);
        if (html is null)
        {
            return NotFound();
        }

        SecurityHeadersMiddleware.UseDocumentPreviewPolicy(HttpContext);
        return Content(html, "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = Outcome is { } o && Enum.IsDefined(o) ? o : (DecisionOutcome)(-1);
        var from = ModelState.DateField(PeriodFrom, nameof(PeriodFrom), CaseTexts.Get("DecisionPeriodMissing"));
        var to = ModelState.DateField(PeriodTo, nameof(PeriodTo), CaseTexts.Get("DecisionPeriodMissing"));
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }

        var revision = ConcurrencyTokens.Timestamp(Revision);
        var result = await sender.Send(new SaveDecisionDraftCommand(CaseId, Municipality, StaffUserId, outcome, from, to, Grounds, revision, AssessmentDeparture), cancellationToken);
        if (result.IsOk)
        {
            return Redirect($"{CasePath}/vedtak");
        }

        if (result.Failure is Failure.NotFound || await LoadAsync(cancellationToken) is not null)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure);

        // After a conflict the form keeps what was typed, now against the colleague's revision: saving again is a
        // deliberate choice to replace it.
        if (result.Failure is Failure.Conflict)
        {
            Revision = RevisionOf(Workspace.Draft);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var confirmed = ConfirmedOutcome is { } c && Enum.IsDefined(c) ? c : (DecisionOutcome?)null;
        var result = await sender.Send(new IssueDecisionCommand(CaseId, Municipality, StaffUserId, Confirmed, confirmed), cancellationToken);
        if (result.IsOk)
        {
            return Redirect($"{CasePath}/vedtak?sendt=true");
        }

        if (result.Failure is Failure.NotFound || await LoadAsync(cancellationToken) is not null)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure);
        ShowDraft();
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var workspace = await sender.Send(new GetDecisionWorkspaceQuery(CaseId, Municipality), cancellationToken);
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
        Outcome = draft?.Outcome ?? Workspace.ProposedOutcome;
        PeriodFrom = Iso(draft?.PeriodFrom);
        PeriodTo = Iso(draft?.PeriodTo);
        Grounds = draft?.Grounds ?? Workspace.ProposedGrounds;
        AssessmentDeparture = draft?.AssessmentDeparture;
        Revision = RevisionOf(draft);
    }

    private static string? RevisionOf(DecisionDraftView? draft) => draft?.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
