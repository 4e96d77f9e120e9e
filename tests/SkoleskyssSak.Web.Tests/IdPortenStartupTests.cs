using System.Net;
using System.Net.Sockets;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Issue 13: an ID-porten configuration that cannot be right stops the start; ID-porten away is a Norwegian page, not a 500.</summary>
public sealed class IdPortenStartupTests
{
    private static async Task<Exception?> StartProductionAsync(Action<AppFixture> configure)
    {
        await using var app = await AppFixture.ProductionAsync();
        configure(app);
        return await Record.ExceptionAsync(() => Task.FromResult(app.CreateClient()));
    }

    [Fact]
    public async Task An_unknown_security_level_stops_the_start()
    {
        var error = await StartProductionAsync(app => app.Settings["IdPorten:AcrValues"] = "idporten-loa-low");
        Assert.NotNull(error);
        Assert.Contains("IdPorten:AcrValues must be one of", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetching_ID_porten_s_keys_without_HTTPS_is_refused_in_production()
    {
        var error = await StartProductionAsync(app =>
        {
            app.Settings["IdPorten:Authority"] = "http://idporten.example";
            app.Settings["IdPorten:RequireHttpsMetadata"] = "false";
        });
        Assert.NotNull(error);
        Assert.Contains("IdPorten:RequireHttpsMetadata is false in Production", error.ToString(), StringComparison.Ordinal);

        var plain = await StartProductionAsync(app => app.Settings["IdPorten:Authority"] = "http://idporten.example");
        Assert.NotNull(plain);
        Assert.Contains("IdPorten:Authority must be ID-porten's issuer over HTTPS", plain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ID_porten_out_of_reach_is_a_Norwegian_page_not_a_500()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        var authority = "http://127.0.0.1:" + UnusedPort();
        app.Settings["IdPorten:Mode"] = "IdPorten";
        app.Settings["IdPorten:Authority"] = authority;
        app.Settings["IdPorten:RequireHttpsMetadata"] = "false";
        app.Settings["IdPorten:ClientId"] = "skoleskyss-test";
        app.Settings["IdPorten:ClientSecret"] = "secret";
        var (response, page) = await app.NewClient().GetAsync("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ID-porten svarer ikke akkurat nå", page.QuerySelector("#idporten-refused")!.TextContent, StringComparison.Ordinal);

        // The page still offers to try again.
        Assert.Equal("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker", page.QuerySelector("a.ds-button")!.GetAttribute("href"));

        // A front-channel logout that cannot check the issuer ends nothing and is no 500 either.
        var logout = await app.NewClient().Http.GetAsync(new Uri("/logout-idporten?iss=" + Uri.EscapeDataString(authority) + "&sid=some-session", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, logout.StatusCode);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
