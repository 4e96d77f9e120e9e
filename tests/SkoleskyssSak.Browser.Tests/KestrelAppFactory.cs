using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// The app factory of the other test projects (fresh migrated database, demo data, TestID, Testing environment),
/// served by Kestrel on a free loopback port instead of the in-memory test server, so a real browser can reach it.
/// </summary>
public sealed class KestrelAppFactory : SkoleskyssAppFactory
{
    public KestrelAppFactory() => UseKestrel(0);

    /// <summary>The address the app listens on, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no server addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel listens on no plain-HTTP address: {string.Join(", ", addresses)}");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }
}
