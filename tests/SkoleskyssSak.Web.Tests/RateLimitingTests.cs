using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Sign-in POSTs are limited per client address; the refusal is a Norwegian page.</summary>
public sealed class RateLimitingTests
{
    [Fact]
    public async Task Too_many_sign_in_attempts_in_a_minute_are_refused_with_429()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        app.Settings["RateLimiting:LoginPerMinute"] = "3";
        var client = app.NewClient();
        var (_, login) = await client.GetAsync("/innlogging/ansatt");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var (response, _) = await client.SubmitAsync(login, "main form", new Dictionary<string, string>
            {
                ["Input.Email"] = "saksbehandler.melhus@demo.skoleskyss.no",
                ["Input.Password"] = "feil-passord",
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var (_, page) = await client.SubmitAsync(login, "main form", new Dictionary<string, string> { ["Input.Email"] = "x@y.no", ["Input.Password"] = "z" });
        Assert.Equal("For mange forsøk", page.QuerySelector("h1")!.TextContent.Trim());

        // Reading the page is never limited.
        var (get, _) = await client.GetAsync("/innlogging/ansatt");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
