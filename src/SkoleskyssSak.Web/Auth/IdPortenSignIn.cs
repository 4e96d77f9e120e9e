using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Web.Localization;
using SkoleskyssSak.Web.Security;

namespace SkoleskyssSak.Web.Auth;

/// <summary>
/// ID-porten through the framework's OpenID Connect handler (issue 13): the endpoints and signing keys from the discovery
/// document, the authorization code flow with PKCE, state and nonce, the id_token validated against the JWKS (signature,
/// issuer, audience, lifetime), the security level (acr) checked, ui_locales from the page's language form, RP-initiated
/// logout (<see cref="Pages.UtloggingModel"/>) and front-channel logout. A refused sign-in ends on the parent's sign-in
/// page with a Norwegian message (<see cref="IdPortenRefusal"/>), never a 500, and signs nobody in.
/// </summary>
internal static class IdPortenSignIn
{
    /// <summary>The name under which the id_token is kept in the citizen cookie's properties: the hint for RP-initiated logout.</summary>
    public const string IdTokenName = OpenIdConnectParameterNames.IdToken;

    /// <summary>Key in <see cref="AuthenticationProperties.Parameters"/> of a sign-out: the id_token_hint to send.</summary>
    public const string IdTokenHintParameter = "id_token_hint";

    /// <summary>Key in the citizen cookie's <see cref="AuthenticationProperties.Items"/>: the origin of ID-porten's end-session endpoint.</summary>
    public const string EndSessionOriginItem = ".idporten_end_session_origin";

    public static AuthenticationBuilder AddIdPorten(this AuthenticationBuilder authentication, IdPortenOptions idPorten, CookieSecurePolicy securePolicy) =>
        authentication.AddOpenIdConnect(AuthSchemes.IdPorten, "ID-porten", o =>
        {
            o.SignInScheme = AuthSchemes.Citizen;
            o.SignOutScheme = AuthSchemes.Citizen;
            o.Authority = idPorten.Authority;
            o.RequireHttpsMetadata = idPorten.RequireHttpsMetadata;
            o.ClientId = idPorten.ClientId;
            o.ClientSecret = idPorten.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;

            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in idPorten.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(OpenIdConnectScope.OpenId).Distinct(StringComparer.Ordinal))
            {
                o.Scope.Add(scope);
            }

            o.CallbackPath = idPorten.CallbackPath;
            o.SignedOutCallbackPath = idPorten.SignedOutCallbackPath;
            o.RemoteSignOutPath = idPorten.FrontChannelLogoutPath;
            o.GetClaimsFromUserInfoEndpoint = false;

            // The id_token's claims by their own names (pid, acr, sid), not mapped to WS-* claim types.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(2);
            o.TokenValidationParameters.NameClaimType = SkoleskyssClaims.Name;
            o.ProtocolValidator.RequireNonce = true;
            o.CorrelationCookie.SecurePolicy = securePolicy;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = securePolicy;
            o.NonceCookie.SameSite = SameSiteMode.Lax;

            o.Events.OnRedirectToIdentityProvider = context =>
            {
                context.ProtocolMessage.AcrValues = idPorten.AcrValues;

                // The language form of the page the parent came from (?kommune= of a Nynorsk municipality, or the language chosen).
                context.ProtocolMessage.UiLocales = Cultures.HtmlLang;
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = context => TokenValidatedAsync(context, idPorten);
            o.Events.OnTicketReceived = TicketReceivedAsync;
            o.Events.OnAccessDenied = context =>
            {
                Refuse(context.HttpContext, IdPortenRefusal.Cancelled, "The parent cancelled at ID-porten.");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                var refusal = context.Failure is IdPortenSignInRefusedException refused ? refused.Refusal : IdPortenRefusal.Failed;
                Refuse(context.HttpContext, refusal, context.Failure?.Message ?? "unknown");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToIdentityProviderForSignOut = context =>
            {
                if (string.IsNullOrEmpty(context.ProtocolMessage.IdTokenHint)
                    && context.Properties.Parameters.TryGetValue(IdTokenHintParameter, out var hint) && hint is string idToken)
                {
                    context.ProtocolMessage.IdTokenHint = idToken;
                }

                context.ProtocolMessage.UiLocales = Cultures.HtmlLang;
                return Task.CompletedTask;
            };
            o.Events.OnRemoteSignOut = FrontChannelLogoutAsync;
        });

    /// <summary>
    /// The id_token passed the handler's checks (signature against the JWKS, issuer, audience, lifetime). Runs before the
    /// handler checks the nonce, so nothing is written here: the security level and the person are checked and the
    /// parent's principal is built; <see cref="TicketReceivedAsync"/> records the sign-in once everything has held.
    /// </summary>
    private static async Task TokenValidatedAsync(TokenValidatedContext context, IdPortenOptions idPorten)
    {
        var token = context.Principal!;
        if (!IdPortenSecurityLevels.Meets(token.FindFirst("acr")?.Value, idPorten.AcrValues))
        {
            context.Fail(new IdPortenSignInRefusedException(IdPortenRefusal.SecurityLevelTooLow, "The sign-in's security level (acr) is lower than required."));
            return;
        }

        var personIdentifier = token.FindFirst(SkoleskyssClaims.PersonIdentifier)?.Value;
        if (string.IsNullOrEmpty(personIdentifier))
        {
            context.Fail(new IdPortenSignInRefusedException(IdPortenRefusal.Failed, "The id_token has no person identifier (pid)."));
            return;
        }

        var principal = context.HttpContext.RequestServices.GetRequiredService<CitizenPrincipalFactory>()
            .Create(personIdentifier, token.FindFirst(SkoleskyssClaims.Name)?.Value, "idporten");
        if (token.FindFirst("sid")?.Value is { Length: > 0 and <= SignInSession.MaxProviderSessionIdLength } providerSession)
        {
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new(SkoleskyssClaims.IdPortenSessionId, providerSession));
        }

        context.Principal = principal;

        // Only the id_token is kept (in the encrypted cookie): the hint that RP-initiated logout sends back to ID-porten.
        if (context.TokenEndpointResponse?.IdToken is { Length: > 0 } idToken)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = idToken }]);

            // The configuration the token was just validated with (cached): where the sign-out form will lead on to.
            var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
            if (Uri.TryCreate(configuration.EndSessionEndpoint, UriKind.Absolute, out var endSession))
            {
                context.Properties!.Items[EndSessionOriginItem] = endSession.GetLeftPart(UriPartial.Authority);
            }
        }
    }

    /// <summary>
    /// Every page of a parent signed in through ID-porten carries the sign-out form, whose POST is redirected on to
    /// ID-porten's end-session endpoint (RP-initiated logout). Browsers hold that redirect to the page's CSP form-action,
    /// so the endpoint's origin, remembered at sign-in, is added to it (<see cref="SecurityHeadersMiddleware.AllowFormActionTo"/>).
    /// </summary>
    public static void AllowSignOutAtIdPorten(CookieAuthenticationOptions cookie)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        var validate = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (context.Principal is not null && context.Properties.Items.TryGetValue(EndSessionOriginItem, out var origin) && !string.IsNullOrEmpty(origin))
            {
                SecurityHeadersMiddleware.AllowFormActionTo(context.HttpContext, origin);
            }
        };
    }

    /// <summary>Every check held (the nonce too): the sign-in is audited, then the citizen cookie starts its server-side session.</summary>
    private static async Task TicketReceivedAsync(TicketReceivedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var subject = context.Principal?.FindFirst(SkoleskyssClaims.Subject)?.Value
            ?? throw new InvalidOperationException("The ID-porten sign-in has no pseudonym.");
        await services.GetRequiredService<IAuditTrail>().RecordSignInAsync(subject, "Citizen", "idporten", context.HttpContext.RequestAborted);
    }

    /// <summary>
    /// ID-porten's front-channel logout (a GET in a hidden frame, with <c>iss</c> and <c>sid</c>): ends every session
    /// started by that ID-porten session, on the server, because the frame is cross-site and brings no Lax cookie.
    /// </summary>
    private static async Task FrontChannelLogoutAsync(RemoteSignOutContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers.Pragma = "no-cache";
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        }
        catch (InvalidOperationException e) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Without ID-porten's discovery document the issuer cannot be checked: nothing is ended, ID-porten may call again.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdPortenSignIn))
                .LogWarning(e, "ID-porten front-channel logout not done: the discovery document could not be fetched");
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var issuer = context.ProtocolMessage?.Iss;
        var providerSession = context.ProtocolMessage?.Sid;
        if (string.IsNullOrEmpty(providerSession) || !string.Equals(issuer, configuration.Issuer, StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var ended = await http.RequestServices.GetRequiredService<SignInSessionStore>().EndByProviderSessionAsync(providerSession, http.RequestAborted);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdPortenSignIn))
            .LogInformation("ID-porten front-channel logout ended {SessionCount} session(s)", ended);
        if (Uri.TryCreate(configuration.Issuer, UriKind.Absolute, out var issuerUri))
        {
            SecurityHeadersMiddleware.AllowFramingBy(http, issuerUri.GetLeftPart(UriPartial.Authority));
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static void Refuse(HttpContext context, IdPortenRefusal refusal, string reason)
    {
        // The reason is the handler's or ours: IdentityModel hides token contents (PII) from its messages.
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdPortenSignIn))
            .LogWarning("ID-porten sign-in refused ({Refusal}): {Reason}", refusal, reason);
        context.Response.Redirect("/innlogging/foresatt?feil=" + IdPortenRefusals.Code(refusal));
    }
}

/// <summary>Why an ID-porten sign-in was refused; each has its own Norwegian message on the sign-in page.</summary>
public enum IdPortenRefusal
{
    /// <summary>The answer from ID-porten did not hold (signature, issuer, audience, lifetime, nonce, state, no pid).</summary>
    Failed,

    /// <summary>The sign-in's security level (acr) is lower than <see cref="IdPortenOptions.AcrValues"/>.</summary>
    SecurityLevelTooLow,

    /// <summary>The parent cancelled at ID-porten (error access_denied).</summary>
    Cancelled,
}

/// <summary>The refusals as they appear in the sign-in page's address (?feil=) and the resource key of their message.</summary>
public static class IdPortenRefusals
{
    private static readonly IReadOnlyList<(IdPortenRefusal Refusal, string Code, string MessageKey)> Table =
    [
        (IdPortenRefusal.Failed, "innlogging", "IdPortenRefused_Failed"),
        (IdPortenRefusal.SecurityLevelTooLow, "sikkerhetsniva", "IdPortenRefused_SecurityLevelTooLow"),
        (IdPortenRefusal.Cancelled, "avbrutt", "IdPortenRefused_Cancelled"),
    ];

    /// <summary>The message when ID-porten cannot be reached to start a sign-in.</summary>
    public const string UnavailableMessageKey = "IdPortenUnavailable";

    public static string Code(IdPortenRefusal refusal) => Table.First(r => r.Refusal == refusal).Code;

    /// <summary>The resource key of the message for a ?feil= code; null for anything else.</summary>
    public static string? MessageKeyOf(string? code) => Table.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.Ordinal)).MessageKey;
}

/// <summary>An ID-porten sign-in refused by our own checks (security level, person identifier).</summary>
public sealed class IdPortenSignInRefusedException(IdPortenRefusal refusal, string message) : Exception(message)
{
    public IdPortenRefusal Refusal { get; } = refusal;
}
