using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// A caseworker's page about one case. The municipality is the caseworker's own (the claim), never the address's: a
/// case of another municipality is simply not found (404).
/// </summary>
public abstract class CaseworkerPageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    public string Municipality => User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber) ?? string.Empty;

    /// <summary>The staff user's id (pseudonymous, written to events and the audit trail).</summary>
    public string StaffUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public string CasePath => $"/ansatt/saker/{CaseId}";

    /// <summary>Done → <paramref name="next"/>; NotFound → 404; otherwise the failure on the page, shown again.</summary>
    protected Task<IActionResult> AfterCommandAsync(CommandResult result, string next, Func<string, string> field, Func<Task<IActionResult>> showAgain) =>
        CommandResults.AfterCommandAsync(this, result, next, field, showAgain);
}
