using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Innlogging;

/// <summary>
/// Parents sign in through ID-porten. The page explains it; ?start=1 starts the sign-in: the OpenID Connect challenge
/// against ID-porten in production, or the TestID page in development and test environments. A refused sign-in comes
/// back here with ?feil= and the page says why in Norwegian.
/// </summary>
public sealed class ForesattModel(IOptions<IdPortenOptions> options) : PageModel
{
    public string StartUrl { get; private set; } = string.Empty;

    /// <summary>The resource key of why the last ID-porten sign-in was refused (?feil=), or null.</summary>
    public string? RefusalMessageKey { get; private set; }

    public IActionResult OnGet(string? returnUrl, bool start = false, string? feil = null)
    {
        RefusalMessageKey = IdPortenRefusals.MessageKeyOf(feil);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/mine-saker";
        if (options.Value.Mode == IdPortenMode.TestId)
        {
            StartUrl = "/innlogging/testid?returnUrl=" + Uri.EscapeDataString(target);
            return Page();
        }

        if (start)
        {
            return Challenge(new AuthenticationProperties { RedirectUri = target }, AuthSchemes.IdPorten);
        }

        StartUrl = "/innlogging/foresatt?start=true&returnUrl=" + Uri.EscapeDataString(target);
        return Page();
    }
}
