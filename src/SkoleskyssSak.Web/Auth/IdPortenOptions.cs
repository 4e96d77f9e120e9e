namespace SkoleskyssSak.Web.Auth;

/// <summary>Configuration section "IdPorten" (docs/operations.md, "ID-porten").</summary>
public sealed class IdPortenOptions
{
    public const string Section = "IdPorten";

    /// <summary><c>IdPorten</c> (the real service) or <c>TestId</c> (the synthetic-person page; never in Production).</summary>
    public IdPortenMode Mode { get; set; } = IdPortenMode.IdPorten;

    /// <summary>
    /// The issuer, whose discovery document (<c>/.well-known/openid-configuration</c>) names the endpoints and the JWKS:
    /// https://idporten.no in production, https://test.idporten.no in ID-porten's test environment.
    /// </summary>
    public string Authority { get; set; } = "https://idporten.no";

    /// <summary>Only HTTPS for the discovery document and JWKS. False is refused in Production (a test provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret (client authentication <c>client_secret_post</c> at the token endpoint).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>
    /// The security level asked for and the lowest accepted: <c>idporten-loa-substantial</c> (MinID, BankID, Buypass)
    /// or <c>idporten-loa-high</c> (BankID, Buypass). The id_token's <c>acr</c> must be at least this.
    /// </summary>
    public string AcrValues { get; set; } = IdPortenSecurityLevels.Substantial;

    /// <summary>Scopes asked for, separated by spaces; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Where ID-porten sends the parent back with the code (register it as a redirect URI).</summary>
    public string CallbackPath { get; set; } = "/signin-idporten";

    /// <summary>Where ID-porten sends the parent after signing out there (register it as a post-logout redirect URI).</summary>
    public string SignedOutCallbackPath { get; set; } = "/signout-callback-idporten";

    /// <summary>ID-porten's front-channel logout calls this with <c>iss</c> and <c>sid</c> (register it as the front-channel logout URI).</summary>
    public string FrontChannelLogoutPath { get; set; } = "/logout-idporten";
}

public enum IdPortenMode
{
    IdPorten,
    TestId,
}

/// <summary>ID-porten's security levels (acr values), lowest first: a sign-in at a level meets every level before it.</summary>
public static class IdPortenSecurityLevels
{
    public const string Substantial = "idporten-loa-substantial";

    public const string High = "idporten-loa-high";

    public static readonly IReadOnlyList<string> LowToHigh = [Substantial, High];

    public static bool IsKnown(string? level) => level is not null && LowToHigh.Contains(level, StringComparer.Ordinal);

    /// <summary>Whether a sign-in at level <paramref name="used"/> meets <paramref name="required"/>; an unknown or missing level meets nothing.</summary>
    public static bool Meets(string? used, string required)
    {
        var usedRank = used is null ? -1 : IndexOf(used);
        return usedRank >= 0 && usedRank >= IndexOf(required);
    }

    private static int IndexOf(string level)
    {
        for (var i = 0; i < LowToHigh.Count; i++)
        {
            if (string.Equals(LowToHigh[i], level, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
