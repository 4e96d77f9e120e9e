using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>Switches between Bokmål and Nynorsk (a cookie for a year) and returns to the page.</summary>
public sealed class SprakModel : PageModel
{
    public IActionResult OnGet(string? til, string? returnUrl)
    {
        var culture = til == "nn" ? Cultures.Nynorsk : Cultures.Bokmal;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
