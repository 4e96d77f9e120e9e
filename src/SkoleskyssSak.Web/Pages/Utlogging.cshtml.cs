using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages;

/// <summary>Signs out of both the parent and the staff cookie (POST only, with antiforgery).</summary>
public sealed class UtloggingModel : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.Citizen);
        await HttpContext.SignOutAsync(AuthSchemes.Staff);
        return RedirectToPage();
    }
}
