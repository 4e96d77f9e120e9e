using System.Net;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>The app with demo data plus three submitted cases: two in Melhus (Gimse skole), one in Sunnfjord.</summary>
public sealed class WorkQueueApp : IAsyncLifetime
{
    public static readonly Guid GimseSkole = Guid.Parse("5b0e3c1e-0101-5028-9000-000000000101");
    public static readonly Guid FordeBarneskule = Guid.Parse("5b0e3c1e-0003-4647-9000-000000000003");

    public AppFixture App { get; } = new();

    public Guid MelhusCase { get; private set; }

    public Guid SunnfjordCase { get; private set; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        App.NewClient(); // starts the app: migrations and demo data
        await using var db = PostgresServer.Context(App.ConnectionString);
        // Submitted 60 days ago: overdue (8 weeks); the second one 52 days ago: due within a week.
        MelhusCase = SubmittedCases.Add(db, "5028", 1, GimseSkole, 3, DateTimeOffset.UtcNow.AddDays(-60), "Kari Nordmann").Id;
        SubmittedCases.Add(db, "5028", 2, GimseSkole, 4, DateTimeOffset.UtcNow.AddDays(-52), "Per Hansen");
        SunnfjordCase = SubmittedCases.Add(db, "4647", 1, FordeBarneskule, 2, DateTimeOffset.UtcNow.AddDays(-1), "Eli Fjord").Id;
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<PageClient> CaseworkerAsync(string email)
    {
        var client = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }

    public async Task<Guid> StaffIdAsync(string email)
    {
        await using var db = PostgresServer.Context(App.ConnectionString);
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

/// <summary>"Arbeidskø" (/ansatt/saker): own municipality only, filters in the address, assignment by POST.</summary>
public sealed class WorkQueuePageTests(WorkQueueApp fixture) : IClassFixture<WorkQueueApp>
{
    private const string Melhus = "saksbehandler.melhus@demo.skoleskyss.no";
    private const string Melhus2 = "saksbehandler2.melhus@demo.skoleskyss.no";
    private const string Sunnfjord = "saksbehandler.sunnfjord@demo.skoleskyss.no";

    [Fact]
    public async Task A_Melhus_caseworker_sees_Melhus_cases_with_first_name_school_state_and_marked_deadlines()
    {
        var client = await fixture.CaseworkerAsync(Melhus);

        var (response, page) = await client.GetAsync("/ansatt/saker");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.queue-table tbody tr").ToList();
        Assert.Equal(["2026/00001", "2026/00002"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        var first = rows[0].TextContent;
        Assert.Contains("Kari", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Nordmann", first, StringComparison.Ordinal);
        Assert.Contains("Gimse skole", first, StringComparison.Ordinal);
        Assert.Contains("Mottatt", first, StringComparison.Ordinal);
        Assert.Contains("Over fristen", first, StringComparison.Ordinal);
        Assert.Contains("Frist snart", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Eli", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Mottatt: 2", page.QuerySelector(".queue-counts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_home_page_links_a_caseworker_to_the_queue()
    {
        var client = await fixture.CaseworkerAsync(Melhus);

        var (_, home) = await client.GetAsync("/ansatt");

        Assert.NotNull(home.QuerySelector("a[href='/ansatt/saker']"));
    }

    [Fact]
    public async Task A_Sunnfjord_caseworker_sees_only_the_Sunnfjord_case()
    {
        var client = await fixture.CaseworkerAsync(Sunnfjord);

        var (_, page) = await client.GetAsync("/ansatt/saker");

        var rows = page.QuerySelectorAll("table.queue-table tbody tr").ToList();
        Assert.Contains("Eli", Assert.Single(rows).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_in_the_address_narrow_the_list_and_the_form_keeps_them()
    {
        var client = await fixture.CaseworkerAsync(Melhus);

        var (_, page) = await client.GetAsync("/ansatt/saker?trinn=4&frist=snart&sorter=saksnummer&retning=synkende");

        Assert.Equal("2026/00002", Assert.Single(page.QuerySelectorAll("table.queue-table tbody tr")).QuerySelector("th")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#trinn option[value='4'][selected]"));
        Assert.NotNull(page.QuerySelector("#frist option[value='snart'][selected]"));
    }

    [Fact]
    public async Task The_next_page_link_carries_the_cursor_and_the_filters()
    {
        var client = await fixture.CaseworkerAsync(Melhus);

        var (_, first) = await client.GetAsync("/ansatt/saker?antall=1&trinn=");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("antall=1", next, StringComparison.Ordinal);
        var (_, second) = await client.GetAsync(next);

        Assert.Equal("2026/00002", Assert.Single(second.QuerySelectorAll("table.queue-table tbody tr")).QuerySelector("th")!.TextContent.Trim());
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData("trinn=abc", "#trinn", "Trinn må være et tall fra 1 til 10.")]
    [InlineData("trinn=11", "#trinn", "Trinn må være et tall fra 1 til 10.")]
    [InlineData("status=Draft", "#status", "Velg en status fra listen.")]
    [InlineData("status=%3Cscript%3E", "#status", "Velg en status fra listen.")]
    [InlineData("skole=ikke-en-guid", "#skole", "Velg en skole fra listen.")]
    [InlineData("skole=5b0e3c1e-0003-4647-9000-000000000003", "#skole", "Velg en skole fra listen.")]
    [InlineData("saksbehandler=noen", "#saksbehandler", "Velg en saksbehandler fra listen.")]
    [InlineData("frist=igaar", "#frist", "Velg en frist fra listen.")]
    [InlineData("sorter=navn", "#sorter", "Velg hva sakene skal sorteres etter.")]
    [InlineData("retning=opp", "#retning", "Velg stigende eller synkende rekkefølge.")]
    [InlineData("antall=1000", "#main", "Antall saker per side må være fra 1 til 100.")]
    [InlineData("etter=%25%25%25", "#main", "Lenken til neste side er ugyldig")]
    [InlineData("etter=MHwwfDIwMjYtMDEtMDF8eA", "#main", "Lenken til neste side er ugyldig")]
    public async Task A_malformed_parameter_is_a_400_with_a_message_never_a_500(string query, string link, string message)
    {
        var client = await fixture.CaseworkerAsync(Melhus);

        var (response, page) = await client.GetAsync("/ansatt/saker?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = page.QuerySelector(".ds-error-summary")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector($"a[href='{link}']"));
        Assert.Null(page.QuerySelector("table.queue-table"));
    }

    [Fact]
    public async Task Taking_a_case_and_giving_it_to_a_colleague_show_who_has_it()
    {
        var client = await fixture.CaseworkerAsync(Melhus);
        var (_, page) = await client.GetAsync("/ansatt/saker?trinn=3");

        var (taken, _) = await client.SubmitAsync(page, "form[action*='handler=Take']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal("/ansatt/saker?trinn=3", taken.Headers.Location!.OriginalString);
        var (_, after) = await client.FollowAsync(taken);
        Assert.Contains("Sak 2026/00001 er fordelt til Morten Saksbehandler (Melhus).", after.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Morten Saksbehandler (Melhus)", after.QuerySelector("table.queue-table tbody tr")!.TextContent, StringComparison.Ordinal);

        var colleague = await fixture.StaffIdAsync(Melhus2);
        var (given, _) = await client.SubmitAsync(after, "form[action*='handler=Give']", new Dictionary<string, string> { ["til"] = colleague.ToString() });
        var (_, mine) = await client.FollowAsync(given);
        Assert.Contains("Marit Saksbehandler (Melhus)", mine.QuerySelector("table.queue-table tbody tr")!.TextContent, StringComparison.Ordinal);

        // The colleague finds it under "Mine saker".
        var other = await fixture.CaseworkerAsync(Melhus2);
        var (_, theirs) = await other.GetAsync("/ansatt/saker?saksbehandler=mine");
        Assert.Equal("2026/00001", Assert.Single(theirs.QuerySelectorAll("table.queue-table tbody tr")).QuerySelector("th")!.TextContent.Trim());
    }

    [Fact]
    public async Task Giving_a_case_to_another_municipalitys_caseworker_is_refused_and_another_municipalitys_case_is_a_404()
    {
        var client = await fixture.CaseworkerAsync(Melhus);
        var (_, page) = await client.GetAsync("/ansatt/saker?trinn=4");
        var solveig = await fixture.StaffIdAsync(Sunnfjord);

        var (refused, _) = await client.SubmitAsync(page, "form[action*='handler=Give']", new Dictionary<string, string> { ["til"] = solveig.ToString() });
        var (_, after) = await client.FollowAsync(refused);
        Assert.Contains("Du kan bare fordele saker til saksbehandlere i din egen kommune.", after.QuerySelector(".ds-alert")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ikke fordelt", after.QuerySelector("table.queue-table tbody tr")!.TextContent, StringComparison.Ordinal);

        var (notFound, _) = await client.SubmitAsync(page, "form[action*='handler=Take']", new Dictionary<string, string> { ["sak"] = fixture.SunnfjordCase.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Fact]
    public async Task An_assignment_without_the_antiforgery_token_is_refused()
    {
        var client = await fixture.CaseworkerAsync(Melhus);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sak"] = fixture.MelhusCase.ToString() });

        var response = await client.Http.PostAsync(new Uri("/ansatt/saker?handler=Take", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_parent_a_stranger_and_staff_who_are_no_caseworkers_get_no_queue()
    {
        var anonymous = await fixture.App.NewClient().Http.GetAsync(new Uri("/ansatt/saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", anonymous.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        var parent = fixture.App.NewClient();
        var (_, testId) = await parent.GetAsync("/innlogging/testid");
        await parent.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string> { ["Input.NationalIdentityNumber"] = "01018510002", ["Input.Name"] = "Ola Nordmann" });
        var asParent = await parent.Http.GetAsync(new Uri("/ansatt/saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asParent.StatusCode);
        Assert.DoesNotContain("Kari", await asParent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var admin = await fixture.CaseworkerAsync("admin.melhus@demo.skoleskyss.no");
        var asAdmin = await admin.Http.GetAsync(new Uri("/ansatt/saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, asAdmin.StatusCode);
        Assert.StartsWith("/ingen-tilgang", asAdmin.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }
}
