using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 5, Integrity: an audit view per case — who read or changed the case and its documents, when and what —
/// for the caseworkers of the case's municipality only; opening it is itself audited.
/// </summary>
public sealed class CaseAuditTrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_caseworker_of_the_municipality_sees_who_read_the_case_newest_first_and_the_view_is_audited()
    {
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var link = sak.QuerySelectorAll("nav.case-actions a").Single(a => a.GetAttribute("href") == $"/ansatt/saker/{caseId}/logg");
        var (response, logg) = await staff.GetAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = logg.QuerySelectorAll("#audit tbody tr").ToList();
        var actions = rows.Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Equal("CaseAuditTrailRead", actions[0]);
        Assert.Contains("CaseRead", actions);
        Assert.Contains("ApplicationSubmitted", actions);
        var read = rows.First(r => r.GetAttribute("data-action") == "CaseRead");
        Assert.Contains("Leste saken", read.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ansatt", read.TextContent, StringComparison.Ordinal);
        Assert.Null(logg.QuerySelector("#audit-truncated"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audited = await db.AuditEvents.SingleAsync(a => a.Action == "CaseAuditTrailRead" && a.ObjectId == caseId.ToString());
        Assert.Equal("Staff", audited.ActorKind);
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_gets_404_and_a_parent_no_access()
    {
        var parent = await ApplicationJourneyTests.SignInAsync(app, "12838510068", "Kari Nordmann");
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var sunnfjord = await StaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
        var url = new Uri($"/ansatt/saker/{caseId}/logg", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(new Uri($"/ansatt/saker/{Guid.CreateVersion7()}/logg", UriKind.Relative))).StatusCode);
        var forParent = await parent.Http.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, forParent.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "CaseAuditTrailRead" && a.ObjectId == caseId.ToString()));
    }

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
