using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages;

/// <summary>Signs out of both the parent and the staff cookie and ends their server-side sessions (POST only, with antiforgery).</summary>
public sealed class UtloggingModel : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // Ends the sessions on the server too, so a copy of either cookie opens nothing afterwards (issue 10).
        await SignInSessionEvents.EndAsync(HttpContext, AuthSchemes.Citizen);
        await SignInSessionEvents.EndAsync(HttpContext, AuthSchemes.Staff);
        return RedirectToPage();
    }
}
