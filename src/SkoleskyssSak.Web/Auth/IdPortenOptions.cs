namespace SkoleskyssSak.Web.Auth;

/// <summary>Configuration section "IdPorten".</summary>
public sealed class IdPortenOptions
{
    public const string Section = "IdPorten";

    /// <summary><c>IdPorten</c> (the real service) or <c>TestId</c> (the synthetic-person page; never in Production).</summary>
    public IdPortenMode Mode { get; set; } = IdPortenMode.IdPorten;

    /// <summary>The issuer, e.g. https://idporten.no (test: https://test.idporten.no).</summary>
    public string Issuer { get; set; } = "https://idporten.no";

    public string AuthorizationEndpoint { get; set; } = "https://login.idporten.no/authorize";

    public string TokenEndpoint { get; set; } = "https://idporten.no/token";

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Security level: substantial (MinID/BankID) or high.</summary>
    public string AcrValues { get; set; } = "idporten-loa-substantial";

    public string CallbackPath { get; set; } = "/signin-idporten";
}

public enum IdPortenMode
{
    IdPorten,
    TestId,
}
