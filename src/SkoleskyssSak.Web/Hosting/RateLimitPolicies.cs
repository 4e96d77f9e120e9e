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

    /// <summary>The <c>Retry-After</c> value for a refused lease: its own retry-after when it has one, else 60 seconds.</summary>
    public static string RetryAfterSeconds(System.Threading.RateLimiting.RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var seconds = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        return seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
