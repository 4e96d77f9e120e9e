using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Web.Auth;

/// <summary>
/// Ties both sign-in cookies to a server-side session (issue 10, item 3; <see cref="SignInSessionStore"/>): signing in
/// starts a session and puts its id in the cookie (claim <c>sid</c>); every authenticated request checks it in
/// PostgreSQL (staff: also the security stamp and that the account is not disabled); renewing the cookie moves the
/// session's end on; <see cref="EndAsync"/> (sign-out) ends it, so a copy of the cookie taken before opens nothing.
/// For staff this replaces Identity's security stamp validator, which only looked every 30 minutes.
/// </summary>
internal static class SignInSessionEvents
{
    /// <summary>The session id claim inside the (encrypted) cookie.</summary>
    public const string SessionClaim = "sid";

    public static void Attach(CookieAuthenticationOptions options, string userKind)
    {
        options.Events.OnSigningIn = context => StartAsync(context, userKind);
        options.Events.OnValidatePrincipal = context => ValidateAsync(context, userKind);
        options.Events.OnCheckSlidingExpiration = RenewAsync;
    }

    /// <summary>Ends the session of <paramref name="scheme"/>'s cookie on this request, if there is one, and removes the cookie.</summary>
    public static async Task EndAsync(HttpContext context, string scheme)
    {
        var result = await context.AuthenticateAsync(scheme);
        if (result.Succeeded && SessionId(result.Principal) is { } sessionId)
        {
            await context.RequestServices.GetRequiredService<SignInSessionStore>().EndAsync(sessionId, context.RequestAborted);
        }

        await context.SignOutAsync(scheme);
    }

    private static async Task StartAsync(CookieSigningInContext context, string userKind)
    {
        var identity = context.Principal?.Identity as ClaimsIdentity
            ?? throw new InvalidOperationException("A sign-in needs a claims identity.");
        var subject = Subject(context.Principal!, userKind, context.HttpContext)
            ?? throw new InvalidOperationException("A sign-in needs the user's id (staff) or pseudonym (citizen).");
        foreach (var old in identity.FindAll(SessionClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        var store = context.HttpContext.RequestServices.GetRequiredService<SignInSessionStore>();
        // A parent signed in by ID-porten: its session id, so that ID-porten's front-channel logout can end this session.
        var providerSessionId = userKind == SignInSessionStore.Citizen ? identity.FindFirst(SkoleskyssClaims.IdPortenSessionId)?.Value : null;
        var sessionId = await store.StartAsync(userKind, subject, context.Options.ExpireTimeSpan, providerSessionId, context.HttpContext.RequestAborted);
        identity.AddClaim(new Claim(SessionClaim, sessionId.ToString("D")));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, string userKind)
    {
        var principal = context.Principal;
        var store = context.HttpContext.RequestServices.GetRequiredService<SignInSessionStore>();
        var cancellationToken = context.HttpContext.RequestAborted;
        var active = false;
        if (principal is not null && SessionId(principal) is { } sessionId && Subject(principal, userKind, context.HttpContext) is { } subject)
        {
            if (userKind == SignInSessionStore.Citizen)
            {
                active = await store.IsCitizenSessionActiveAsync(sessionId, subject, cancellationToken);
            }
            else if (Guid.TryParse(subject, out var userId))
            {
                var stampClaim = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                active = await store.IsStaffSessionActiveAsync(sessionId, userId, principal.FindFirstValue(stampClaim), cancellationToken);
            }
        }

        if (!active)
        {
            // Ended, lapsed, stamp renewed (password changed), account disabled, or a cookie from before sessions existed.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private static async Task RenewAsync(CookieSlidingExpirationContext context)
    {
        if (context.ShouldRenew && SessionId(context.Principal) is { } sessionId)
        {
            var store = context.HttpContext.RequestServices.GetRequiredService<SignInSessionStore>();
            await store.RenewAsync(sessionId, context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
        }
    }

    private static Guid? SessionId(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SessionClaim), out var id) ? id : null;

    private static string? Subject(ClaimsPrincipal principal, string userKind, HttpContext context) => userKind == SignInSessionStore.Citizen
        ? principal.FindFirstValue(SkoleskyssClaims.Subject)
        : principal.FindFirstValue(context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType);
}
