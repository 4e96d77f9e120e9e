using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Klageinstans;

/// <summary>
/// A page of an appeal body's member. The body is the member's own (the claim), never the address's: a case not
/// forwarded to it is simply not found (404), as for anyone else.
/// </summary>
public abstract class AppealBodyPageModel : PageModel
{
    public string BodyCode => User.FindFirstValue(SkoleskyssClaims.AppealBodyCode) ?? string.Empty;

    /// <summary>The staff user's id (pseudonymous, written to events and the audit trail).</summary>
    public string StaffUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
