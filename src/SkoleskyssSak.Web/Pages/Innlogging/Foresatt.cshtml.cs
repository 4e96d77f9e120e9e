using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Innlogging;

/// <summary>
/// Parents sign in through ID-porten. The page explains it; ?start=1 starts the sign-in: the OpenID Connect challenge
/// against ID-porten in production, or the TestID page in development and test environments. A refused sign-in comes
/// back here with ?feil= and the page says why in Norwegian. ID-porten out of reach (its discovery document or keys
/// cannot be fetched) is this page with a Norwegian message and status 503, not a 500.
/// </summary>
public sealed class ForesattModel(IOptions<IdPortenOptions> options, ILogger<ForesattModel> logger) : PageModel
{
    public string StartUrl { get; private set; } = string.Empty;

    /// <summary>The resource key of why the last ID-porten sign-in was refused (?feil=), or null.</summary>
    public string? RefusalMessageKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl, bool start = false, string? feil = null)
    {
        RefusalMessageKey = IdPortenRefusals.MessageKeyOf(feil);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/mine-saker";
        if (options.Value.Mode == IdPortenMode.TestId)
        {
            StartUrl = "/innlogging/testid?returnUrl=" + Uri.EscapeDataString(target);
            return Page();
        }

        StartUrl = "/innlogging/foresatt?start=true&returnUrl=" + Uri.EscapeDataString(target);
        if (start)
        {
            try
            {
                // Challenged here rather than by a ChallengeResult, so that ID-porten out of reach can be answered.
                await HttpContext.ChallengeAsync(AuthSchemes.IdPorten, new AuthenticationProperties { RedirectUri = target });
                return new EmptyResult();
            }
            catch (InvalidOperationException e) when (!HttpContext.RequestAborted.IsCancellationRequested)
            {
                // IdentityModel's "unable to obtain configuration" (IDX20803), around the HTTP failure.
                logger.LogWarning(e, "ID-porten's discovery document or keys could not be fetched; the sign-in was not started");
                RefusalMessageKey = IdPortenRefusals.UnavailableMessageKey;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "30";
            }
        }

        return Page();
    }
}
