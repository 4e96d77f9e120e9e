using System.Security.Claims;
using Mediator;
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
public abstract class ApplicationPageModel(ISender sender) : PageModel
{
    public const int StepCount = 7;

    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public MyCaseDetails Case { get; private set; } = null!;

    /// <summary>Sends the page's query and its commands.</summary>
    protected ISender Requests { get; } = sender;

    protected string Pseudonym => User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty;

    public string StepUrl(string step) => $"/soknad/{CaseId}/{step}?kommune={Case.MunicipalityNumber}";

    /// <summary>This page with the case's ?kommune= (which sets the language form).</summary>
    protected virtual string LanguageUrl(string pageName) => StepUrl(pageName);

    /// <summary>Loads the case; null when the page may go on, else the result to return (404 or a redirect to the right language).</summary>
    protected async Task<IActionResult?> LoadAsync(bool draftOnly, string? languageRedirectStep, CancellationToken cancellationToken)
    {
        var details = await Requests.Send(new GetMyCaseQuery(CaseId, Pseudonym), cancellationToken);
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

    /// <summary>Done → the next step; Invalid → the messages next to the fields; NotFound → 404.</summary>
    protected async Task<IActionResult> AfterSaveAsync(CommandResult result, string next, Func<string, string> field, Func<Task> reload)
    {
        if (result.IsOk)
        {
            return Redirect(StepUrl(next));
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, field);
        await reload();
        return Page();
    }

    /// <summary>
    /// "Søk for et søsken": a new draft copied from this case (a party's only, else 404), opened at the child step.
    /// </summary>
    protected async Task<IActionResult> CopyForSiblingAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        var command = new CopyForSiblingCommand(
            CaseId,
            Pseudonym,
            User.FindFirstValue(SkoleskyssClaims.PersonIdentifier),
            User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty);
        var copied = await Requests.Send(command, cancellationToken);
        return copied.IsOk
            ? Redirect($"/soknad/{copied.Value.CaseId}/barn?kommune={Case.MunicipalityNumber}")
            : NotFound();
    }

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
