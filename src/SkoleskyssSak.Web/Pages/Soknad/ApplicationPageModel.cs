using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>
/// A page of one søknad: only the signed-in applicant's draft is reachable (anything else is 404, so nobody learns
/// whether a case exists), and the page speaks the municipality's language form (?kommune= sets the culture).
/// </summary>
public abstract class ApplicationPageModel(GetMyCaseHandler getCase) : PageModel
{
    public const int StepCount = 7;

    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public MyCaseDetails Case { get; private set; } = null!;

    protected string Pseudonym => User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty;

    public string StepUrl(string step) => $"/soknad/{CaseId}/{step}?kommune={Case.MunicipalityNumber}";

    /// <summary>This page with the case's ?kommune= (which sets the language form).</summary>
    protected virtual string LanguageUrl(string pageName) => StepUrl(pageName);

    /// <summary>Loads the case; null when the page may go on, else the result to return (404 or a redirect to the right language).</summary>
    protected async Task<IActionResult?> LoadAsync(bool draftOnly, string? languageRedirectStep, CancellationToken cancellationToken)
    {
        var details = await getCase.HandleAsync(new GetMyCaseQuery(CaseId, Pseudonym), cancellationToken);
        if (details is null || (draftOnly && (!details.IsApplicant || details.State != CaseState.Draft)))
        {
            return NotFound();
        }

        Case = details;
        return languageRedirectStep is null ? null : LanguageRedirect(languageRedirectStep);
    }

    /// <summary>A redirect to this page with the case's ?kommune= when the request lacks it; else null.</summary>
    protected IActionResult? LanguageRedirect(string pageName) =>
        Request.Query["kommune"].ToString() == Case.MunicipalityNumber ? null : Redirect(LanguageUrl(pageName));

    /// <summary>Saved → the next step; Invalid → the messages next to the fields; NotFound → 404.</summary>
    protected async Task<IActionResult> AfterSaveAsync(ApplicationResult result, string next, Func<string, string> field, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(reload);
        switch (result)
        {
            case ApplicationResult.Saved:
                return Redirect(StepUrl(next));
            case ApplicationResult.NotFound:
                return NotFound();
            default:
                ModelState.AddResult(result, field);
                break;
        }

        await reload();
        return Page();
    }

    /// <summary>
    /// "Søk for et søsken": a new draft copied from this case (a party's only, else 404), opened at the child step.
    /// </summary>
    protected async Task<IActionResult> CopyForSiblingAsync(CopyForSiblingHandler copy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        var command = new CopyForSiblingCommand(
            CaseId,
            Pseudonym,
            User.FindFirstValue(SkoleskyssClaims.PersonIdentifier),
            User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty);
        return await copy.HandleAsync(command, cancellationToken) is ApplicationResult.Started started
            ? Redirect($"/soknad/{started.CaseId}/barn?kommune={Case.MunicipalityNumber}")
            : NotFound();
    }

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
