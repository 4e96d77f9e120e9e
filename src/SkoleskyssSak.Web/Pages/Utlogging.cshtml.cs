using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages;

/// <summary>
/// Signs out of both the parent and the staff cookie and ends their server-side sessions (POST only, with antiforgery).
/// A parent signed in through ID-porten is then sent to ID-porten to end the session there too (RP-initiated logout),
/// and comes back to this page.
/// </summary>
public sealed class UtloggingModel(IAuthenticationSchemeProvider schemes, ILogger<UtloggingModel> logger) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var citizen = await HttpContext.AuthenticateAsync(AuthSchemes.Citizen);
        var idToken = citizen.Succeeded ? citizen.Properties?.GetTokenValue(IdPortenSignIn.IdTokenName) : null;

        // Ends the sessions on the server too, so a copy of either cookie opens nothing afterwards (issue 10).
        await SignInSessionEvents.EndAsync(HttpContext, AuthSchemes.Citizen);
        await SignInSessionEvents.EndAsync(HttpContext, AuthSchemes.Staff);
        if (!string.IsNullOrEmpty(idToken) && await schemes.GetSchemeAsync(AuthSchemes.IdPorten) is not null)
        {
            try
            {
                var properties = new AuthenticationProperties { RedirectUri = Url.Page("/Utlogging") };
                properties.Parameters[IdPortenSignIn.IdTokenHintParameter] = idToken;
                await HttpContext.SignOutAsync(AuthSchemes.IdPorten, properties);
                return new EmptyResult();
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
            {
                // Signed out here all the same; ID-porten's own session lapses by itself.
                logger.LogWarning(e, "Could not send the parent to ID-porten's logout");
            }
        }

        return RedirectToPage();
    }
}
