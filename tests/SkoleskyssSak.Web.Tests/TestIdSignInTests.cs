using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Parents sign in through TestID outside production; the fødselsnummer never reaches a log line.</summary>
public sealed class TestIdSignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Synthetic test persons (Tenor: month + 80), valid mod-11 check digits.
    private const string KariNordmann = "12838510068";
    private const string Other = "03909010038";

    [Fact]
    public async Task Mine_saker_sends_an_anonymous_visitor_to_the_parent_sign_in()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/mine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_parent_sign_in_page_leads_to_TestID_outside_production()
    {
        var (_, page) = await app.NewClient().GetAsync("/innlogging/foresatt?returnUrl=%2Fmine-saker");
        var start = page.QuerySelector("main a.ds-button")!.GetAttribute("href");
        Assert.Equal("/innlogging/testid?returnUrl=%2Fmine-saker", start);
    }

    [Fact]
    public async Task Signing_in_as_a_test_person_opens_Mine_saker()
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid?returnUrl=%2Fmine-saker");
        var (response, _) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = KariNordmann,
            ["Input.Name"] = "Kari Nordmann",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/mine-saker", response.Headers.Location!.OriginalString);

        var (mine, page) = await client.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("Logget inn som Kari Nordmann", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fodselsnummer_never_reaches_the_log_and_the_audit_holds_a_pseudonym()
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = Other,
            ["Input.Name"] = "Ola Hansen",
        });
        await client.GetAsync("/mine-saker");
        await client.GetAsync("/mine-saker?fnr=" + Other); // even a careless query string must not be logged
        await client.GetAsync("/mine-saker/" + Other);     // nor a path that carries one (an unknown page: raw path)

        Assert.NotEmpty(app.Logs.Lines);
        Assert.DoesNotContain(Other, app.Logs.Text, StringComparison.Ordinal);
        Assert.Contains(app.Logs.Lines, l => l.Contains("/mine-saker", StringComparison.Ordinal));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var signIns = await db.AuditEvents.Where(a => a.Action == "SignIn" && a.ActorKind == "Citizen").ToListAsync();
        Assert.NotEmpty(signIns);
        Assert.All(signIns, a =>
        {
            Assert.StartsWith("c-", a.ActorId, StringComparison.Ordinal);
            Assert.DoesNotContain(Other, a.ActorId, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("12838510069", "Kari Nordmann")] // wrong second check digit
    [InlineData("1283851006", "Kari Nordmann")]  // ten digits
    [InlineData("abcdefghijk", "Kari Nordmann")]
    [InlineData("", "Kari Nordmann")]
    [InlineData(KariNordmann, "")]
    [InlineData("<script>alert(1)</script>", "<b>x</b>")]
    public async Task Invalid_input_gets_a_message_next_to_the_field_and_never_a_500(string number, string name)
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        var (response, page) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = number,
            ["Input.Name"] = name,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".ds-error-summary");
        Assert.NotNull(summary);
        Assert.NotEmpty(page.QuerySelectorAll("[aria-invalid=true]"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_parent_cannot_open_staff_pages()
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = KariNordmann,
            ["Input.Name"] = "Kari Nordmann",
        });
        var response = await client.Http.GetAsync(new Uri("/ansatt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
