namespace SkoleskyssSak.Web.Hosting;

internal static class RateLimitPolicies
{
    /// <summary>Sign-in and submit POSTs: a fixed number per client address per minute (RateLimiting:LoginPerMinute).</summary>
    public const string Login = "login";

    /// <summary>
    /// The public API and the POSTs of "Sjekk skolevegen" (the same rule engine): requests per client address per minute
    /// (RateLimiting:PublicApiPerMinute), one budget for both.
    /// </summary>
    public const string PublicApi = "public-api";
}
