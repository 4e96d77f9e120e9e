using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Issue 13: the security level is configurable (IdPorten:AcrValues); with "high" required, "substantial" is refused end to end.</summary>
public sealed class IdPortenSecurityLevelTests
{
    [Fact]
    public async Task With_high_required_a_substantial_sign_in_is_refused_and_a_high_one_accepted()
    {
        await using var provider = await IdPortenTestProvider.StartAsync();
        await using var app = new AppFixture();
        await app.InitializeAsync();
        provider.Configure(app.Settings);
        app.Settings["IdPorten:AcrValues"] = "idporten-loa-high";

        provider.Acr = "idporten-loa-substantial";
        var refused = app.NewClient();
        var callback = await StartAndAuthorizeAsync(refused, expectedAcrValues: "idporten-loa-high");
        var response = await refused.Http.GetAsync(new Uri(callback, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/innlogging/foresatt?feil=sikkerhetsniva", response.Headers.Location!.OriginalString);
        var (_, page) = await refused.FollowAsync(response);
        Assert.Contains("høyere sikkerhetsnivå", page.QuerySelector("#idporten-refused")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await refused.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative))).StatusCode);

        provider.Acr = "idporten-loa-high";
        var accepted = app.NewClient();
        var signedIn = await accepted.Http.GetAsync(new Uri(await StartAndAuthorizeAsync(accepted, expectedAcrValues: "idporten-loa-high"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/mine-saker", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await accepted.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative))).StatusCode);
    }

    private static async Task<string> StartAndAuthorizeAsync(PageClient client, string expectedAcrValues)
    {
        var challenge = await client.Http.GetAsync(new Uri("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal(expectedAcrValues, QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["acr_values"].ToString());
        return await IdPortenTestProvider.AuthorizeAsync(challenge.Headers.Location!);
    }
}
