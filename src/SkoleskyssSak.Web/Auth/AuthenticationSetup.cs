using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Web.Auth;

internal static class AuthenticationSetup
{
    public const string CitizenCookieName = "__Host-skoleskyss-foresatt";
    public const string StaffCookieName = "__Host-skoleskyss-ansatt";

    public static IServiceCollection AddSkoleskyssAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var idPorten = configuration.GetSection(IdPortenOptions.Section).Get<IdPortenOptions>() ?? new IdPortenOptions();
        ValidateIdPorten(idPorten, environment);
        services.Configure<IdPortenOptions>(configuration.GetSection(IdPortenOptions.Section));
        // Checked here, before the database is touched, so a misconfigured instance changes nothing.
        if ((configuration[$"{CitizenPseudonymOptions.Section}:Key"] ?? string.Empty).Length < 32)
        {
            throw new InvalidOperationException($"{CitizenPseudonymOptions.Section}:Key must be a secret of at least 32 characters.");
        }

        services.AddSingleton<CitizenPrincipalFactory>();
        services.AddScoped<IUserClaimsPrincipalFactory<StaffUser>, StaffClaimsPrincipalFactory>();

        // Cookies need HTTPS everywhere but on a developer's or test's plain-HTTP loopback.
        var securePolicy = environment.IsProduction() || environment.IsStaging() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var cookieName = (string name) => securePolicy == CookieSecurePolicy.Always ? name : name.Replace("__Host-", string.Empty, StringComparison.Ordinal);

        var authentication = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Foresatt eller ansatt", o => o.ForwardDefaultSelector = context =>
                context.Request.Cookies.ContainsKey(cookieName(CitizenCookieName)) ? AuthSchemes.Citizen : AuthSchemes.Staff)
            // Lax: the parent's cookie must survive the redirect back from ID-porten.
            .AddCookie(AuthSchemes.Citizen, o =>
            {
                ConfigureCookie(o, cookieName(CitizenCookieName), SameSiteMode.Lax, securePolicy, "/innlogging/foresatt", TimeSpan.FromMinutes(30));
                SignInSessionEvents.Attach(o, SignInSessionStore.Citizen);
                if (idPorten.Mode == IdPortenMode.IdPorten)
                {
                    IdPortenSignIn.AllowSignOutAtIdPorten(o);
                }
            });

        // Server-side sessions for both cookies (SignInSessionEvents); for staff this replaces the security stamp validator.
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            ConfigureCookie(o, cookieName(StaffCookieName), SameSiteMode.Strict, securePolicy, "/innlogging/ansatt", TimeSpan.FromHours(8));
            SignInSessionEvents.Attach(o, SignInSessionStore.Staff);
        }));

        if (idPorten.Mode == IdPortenMode.IdPorten)
        {
            authentication.AddIdPorten(idPorten, securePolicy);
        }

        // Closed by default: a page or endpoint without a policy of its own (PageAuthorization, AllowAnonymous on the
        // public API) needs a signed-in user.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(AuthSchemes.Citizen, AuthSchemes.Staff).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Parent, p => p.AddAuthenticationSchemes(AuthSchemes.Citizen).RequireClaim(SkoleskyssClaims.PersonIdentifier))
            .AddPolicy(Policies.Staff, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(StaffRole.All))
            .AddPolicy(StaffRole.Caseworker, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(StaffRole.Caseworker).RequireClaim(SkoleskyssClaims.MunicipalityNumber))
            .AddPolicy(StaffRole.MunicipalityAdmin, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(StaffRole.MunicipalityAdmin).RequireClaim(SkoleskyssClaims.MunicipalityNumber))
            .AddPolicy(StaffRole.SchoolStaff, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(StaffRole.SchoolStaff).RequireClaim(SkoleskyssClaims.SchoolId))
            .AddPolicy(StaffRole.AppealBodyMember, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireRole(StaffRole.AppealBodyMember).RequireClaim(SkoleskyssClaims.AppealBodyCode));
        return services;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions o, string name, SameSiteMode sameSite, CookieSecurePolicy securePolicy, string loginPath, TimeSpan lifetime)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = sameSite;
        o.Cookie.SecurePolicy = securePolicy;
        o.LoginPath = loginPath;
        o.LogoutPath = "/utlogging";
        o.AccessDeniedPath = "/ingen-tilgang";
        o.ExpireTimeSpan = lifetime;
        o.SlidingExpiration = true;
    }

    /// <summary>TestID must never be reachable in Production; real ID-porten needs its client registration in every environment.</summary>
    private static void ValidateIdPorten(IdPortenOptions options, IHostEnvironment environment)
    {
        if (options.Mode == IdPortenMode.TestId && environment.IsProduction())
        {
            throw new InvalidOperationException("IdPorten:Mode is TestId in Production. TestID signs anyone in as anyone and is refused in Production.");
        }

        if (options.Mode == IdPortenMode.IdPorten && (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret)))
        {
            throw new InvalidOperationException(
                "IdPorten:ClientId and IdPorten:ClientSecret must be configured (the client registered with ID-porten), " +
                "or IdPorten:Mode set to TestId outside Production.");
        }

        if (options.Mode != IdPortenMode.IdPorten)
        {
            return;
        }

        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && options.RequireHttpsMetadata))
        {
            throw new InvalidOperationException("IdPorten:Authority must be ID-porten's issuer over HTTPS, e.g. https://idporten.no.");
        }

        if (!options.RequireHttpsMetadata && environment.IsProduction())
        {
            throw new InvalidOperationException("IdPorten:RequireHttpsMetadata is false in Production. ID-porten's keys are fetched over HTTPS only.");
        }

        if (!IdPortenSecurityLevels.IsKnown(options.AcrValues))
        {
            throw new InvalidOperationException(
                $"IdPorten:AcrValues must be one of {string.Join(", ", IdPortenSecurityLevels.LowToHigh)}.");
        }
    }
}
