using System.Net;
using System.Text;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Issue 10 item 12: the "Sjekk skolevegen" form runs the engine as the API does, under the same limit.</summary>
public sealed class RouteCheckRateLimitTests
{
    [Fact]
    public async Task The_route_check_page_shares_the_public_api_limit_and_reading_it_is_not_limited()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        app.Settings["RateLimiting:PublicApiPerMinute"] = "3";
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen?kommune=5028");
        var values = new Dictionary<string, string> { ["Form.Grade"] = "3" };

        var (first, _) = await client.SubmitAsync(page, "form.route-form", values);
        var (second, _) = await client.SubmitAsync(page, "form.route-form", values);
        using var json = new StringContent("""{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", Encoding.UTF8, "application/json");
        var api = await client.Http.PostAsync(new Uri("/api/v1/route-assessments", UriKind.Relative), json);
        var (refused, refusedPage) = await client.SubmitAsync(page, "form.route-form", values);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], new[] { first.StatusCode, second.StatusCode, api.StatusCode, refused.StatusCode });
        Assert.Equal("For mange forsøk", refusedPage.QuerySelector("h1")!.TextContent.Trim());
        var (get, _) = await client.GetAsync("/sjekk-skolevegen?kommune=5028");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}
