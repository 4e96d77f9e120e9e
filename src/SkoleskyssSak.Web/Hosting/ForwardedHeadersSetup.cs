using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating load balancer the app must see the client's address (rate limiting, audit) and
/// the original scheme (ID-porten's redirect URI). Only the proxies named in configuration are trusted:
/// ForwardedHeaders:KnownProxies (IP addresses) and ForwardedHeaders:KnownNetworks (CIDR, e.g. 10.0.0.0/8),
/// comma-separated. Without either, only loopback is trusted (the framework's default).
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.ForwardLimit = configuration.GetValue("ForwardedHeaders:ForwardLimit", 1);
        foreach (var proxy in Split(configuration["ForwardedHeaders:KnownProxies"]))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in Split(configuration["ForwardedHeaders:KnownNetworks"]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        var allowedHosts = Split(configuration["ForwardedHeaders:AllowedHosts"]).ToList();
        if (allowedHosts.Count > 0)
        {
            options.AllowedHosts = allowedHosts;
        }
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
