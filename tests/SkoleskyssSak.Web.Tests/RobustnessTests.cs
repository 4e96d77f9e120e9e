using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;
using SkoleskyssSak.Web.Pages;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Issue 10 (robustness, web hosting): bad input is a 4xx with a Norwegian page or a problem, never a 500.</summary>
public sealed partial class RobustnessTests(AppFixture app) : IClassFixture<AppFixture>
{
    internal const string KariNordmann = "12838510068";
    internal const string Melhus = "5028";

    [Theory]
    [InlineData("/feil/0")]
    [InlineData("/feil/-1")]
    [InlineData("/feil/2147483647")]
    [InlineData("/feil/200")]
    [InlineData("/feil/399")]
    [InlineData("/feil/600")]
    public async Task The_status_page_accepts_only_real_error_codes(string path)
    {
        var (response, page) = await app.NewClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Fant ikke siden", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/feil/400", HttpStatusCode.BadRequest)]
    [InlineData("/feil/503", HttpStatusCode.ServiceUnavailable)]
    public async Task The_status_page_still_answers_real_error_codes(string path, HttpStatusCode expected)
    {
        var (response, page) = await app.NewClient().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task The_status_page_answers_any_method_with_its_page(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/feil/404", UriKind.Relative));
        var response = await app.NewClient().Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Fant ikke siden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("0001-07-31")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    public async Task The_api_refuses_a_date_outside_the_service_span_with_a_problem_naming_date(string date)
    {
        using var content = new StringContent(
            $$"""{ "municipalityNumber": "5028", "grade": 3, "date": "{{date}}", "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""",
            Encoding.UTF8,
            "application/json");
        var response = await app.NewClient().Http.PostAsync(new Uri("/api/v1/route-assessments", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("date", out _), problem.RootElement.ToString());
    }

    [Theory]
    [InlineData("0001-01-01", false)]
    [InlineData("0001-07-31", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2026-12-07", true)]
    [InlineData("2100-12-31", true)]
    public void A_form_date_outside_the_service_span_is_no_date(string value, bool accepted)
    {
        Assert.Equal(accepted, FormDates.TryParse(value, out var date));
        Assert.Equal(accepted, date is not null);
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("3155378976000000000")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("0")]
    public void A_timestamp_revision_the_page_never_issued_matches_no_revision(string posted) =>
        Assert.Equal(DateTimeOffset.MinValue, ConcurrencyTokens.Timestamp(posted));

    [Fact]
    public void A_timestamp_revision_the_page_issued_is_read_back_and_an_empty_one_is_none()
    {
        var saved = new DateTimeOffset(2026, 12, 7, 10, 11, 12, TimeSpan.Zero).AddTicks(1230);
        Assert.Equal(saved, ConcurrencyTokens.Timestamp(saved.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(ConcurrencyTokens.Timestamp(" "));
    }

    [Theory]
    [InlineData("9223372036854775807", ConcurrencyTokens.NoSuchCounter)]
    [InlineData("-5", ConcurrencyTokens.NoSuchCounter)]
    [InlineData("", ConcurrencyTokens.NoSuchCounter)]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    public void A_counter_revision_is_read_or_matches_none(string posted, int expected) =>
        Assert.Equal(expected, ConcurrencyTokens.Counter(posted));

    /// <summary>
    /// Every page with handlers, found from the app's own page descriptors (so a new page is covered without touching
    /// this test), answers a POST naming no handler of it, and a POST without a handler where it has only named ones,
    /// with 404 and the Norwegian page — posted with a valid antiforgery token by a user the page admits.
    /// </summary>
    [Fact]
    public async Task A_post_to_an_unknown_or_missing_handler_is_404_on_every_page_with_handlers()
    {
        var pages = await PagesWithHandlersAsync(app);
        Assert.Contains(pages, p => p.ViewEnginePath == "/Ansatt/Vedtak");
        var checkedPosts = 0;
        var clients = new Dictionary<string, (PageClient Client, string Token)>();
        var failures = new List<string>();
        foreach (var page in pages.Where(p => p.ViewEnginePath != "/Feil"))
        {
            var role = RoleFor(page.ViewEnginePath);
            if (!clients.TryGetValue(role, out var signedIn))
            {
                signedIn = await SignInAsync(app, role);
                clients[role] = signedIn;
            }

            var url = UrlOf(page.Template);
            // A page with an unnamed OnPost runs it for a handler name it does not know (Razor Pages' fallback): that
            // is the page's own form, answered as such. Only pages without one must refuse both.
            var hasUnnamedPost = page.Handlers.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase) && h.Name is null);
            var posts = hasUnnamedPost ? new List<string>() : [url + "?handler=FinnesIkke", url];

            foreach (var post in posts)
            {
                checkedPosts++;
                using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = signedIn.Token });
                var response = await signedIn.Client.Http.PostAsync(new Uri(post, UriKind.Relative), content);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.NotFound || !body.Contains("Fant ikke siden", StringComparison.Ordinal))
                {
                    failures.Add($"{page.ViewEnginePath} POST {post} ({role}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(checkedPosts >= 20, $"Only {checkedPosts} POSTs checked");
    }

    [Fact]
    public async Task A_guardians_email_must_be_an_address_and_markup_is_refused_with_its_message()
    {
        var client = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var caseId = await ApplicationJourneyTests.StartAsync(client, Melhus);
        var (_, foresatte) = await client.GetAsync($"/soknad/{caseId}/foresatte?kommune={Melhus}");

        var (response, page) = await client.SubmitAsync(foresatte, "main form", new Dictionary<string, string>
        {
            ["Input.ApplicantEmail"] = "\"><img/src=x/onerror=alert(1)>@x.no",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#Input_ApplicantEmail-error")?.TextContent), page.QuerySelector("main")?.TextContent);
        var (_, again) = await client.GetAsync($"/soknad/{caseId}/foresatte?kommune={Melhus}");
        Assert.Equal(string.Empty, again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("[name='Input.ApplicantEmail']")!.Value);
    }

    internal sealed record PageWithHandlers(string ViewEnginePath, string Template, IReadOnlyList<HandlerMethodDescriptor> Handlers);

    internal static async Task<List<PageWithHandlers>> PagesWithHandlersAsync(SkoleskyssAppFactory factory)
    {
        var descriptors = factory.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<PageWithHandlers>();
        foreach (var group in descriptors.ActionDescriptors.Items.OfType<PageActionDescriptor>().GroupBy(d => d.ViewEnginePath))
        {
            var descriptor = group.OrderBy(d => d.AttributeRouteInfo?.Template?.Length ?? int.MaxValue).First();
            var compiled = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            if (compiled.HandlerMethods.Count > 0)
            {
                pages.Add(new PageWithHandlers(group.Key, descriptor.AttributeRouteInfo?.Template ?? group.Key, compiled.HandlerMethods.ToList()));
            }
        }

        return pages;
    }

    /// <summary>Who may use the page: the folder's policy (Program.cs conventions and the page models' policies).</summary>
    internal static string RoleFor(string viewEnginePath) => viewEnginePath.Split('/')[1] switch
    {
        "Ansatt" => "Caseworker",
        "Admin" => "MunicipalityAdmin",
        "Klageinstans" => "AppealBodyMember",
        "MineSaker" or "Soknad" => "Parent",
        _ => "Anonymous",
    };

    /// <summary>A signed-in client of the role and an antiforgery token issued to it.</summary>
    internal static async Task<(PageClient Client, string Token)> SignInAsync(AppFixture factory, string role)
    {
        PageClient client;
        string tokenPage;
        switch (role)
        {
            case "Parent":
                client = await ApplicationJourneyTests.SignInAsync(factory, KariNordmann, "Kari Nordmann");
                tokenPage = "/mine-saker";
                break;
            case "Anonymous":
                client = factory.NewClient();
                tokenPage = "/innlogging/ansatt";
                break;
            default:
                client = factory.NewClient();
                var email = role switch
                {
                    "Caseworker" => "saksbehandler.melhus@demo.skoleskyss.no",
                    "MunicipalityAdmin" => "admin.melhus@demo.skoleskyss.no",
                    _ => "klage.trondelag@demo.skoleskyss.no",
                };
                var signedIn = await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                tokenPage = role switch { "Caseworker" => "/ansatt/saker", "MunicipalityAdmin" => "/admin/retningslinje/5028", _ => "/klageinstans" };
                break;
        }

        var (_, page) = await client.GetAsync(tokenPage);
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {tokenPage} for {role}");
        return (client, token!);
    }

    /// <summary>The template with its parameters filled: a fresh GUID, 1 for a number, the municipality otherwise.</summary>
    internal static string UrlOf(string template) =>
        "/" + RouteParameter().Replace(template, m => m.Groups["constraint"].Value switch
        {
            var c when c.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            var c when c.Contains("int", StringComparison.Ordinal) => "1",
            _ => Melhus,
        });

    [GeneratedRegex(@"\{(?<name>[^}:?=]+)(?<constraint>(:[^}?=]+)*)\??\}")]
    private static partial Regex RouteParameter();
}
