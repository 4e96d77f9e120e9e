using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 12: the caseworker's case page reads through a query that never writes; the pipeline records one read per
/// request that shows the case — a GET, or a refused POST that shows the page again — and none for a case not found.
/// </summary>
public sealed class CaseFileReadAuditTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_GET_of_the_case_page_is_one_CaseRead_and_a_refused_POST_shown_again_is_one_more()
    {
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        var (response, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await ReadsAsync(caseId));

        // No late appeal to dismiss: refused, the page shows why, and the read that shows it again is recorded once.
        var (refused, refusedPage) = await staff.SubmitAsync(page, "form[action*='handler=Take']", new Dictionary<string, string> { ["DismissReason"] = "For sent." }, $"/ansatt/saker/{caseId}?handler=DismissAppeal");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(refusedPage.QuerySelector(".ds-error-summary"));
        Assert.Equal(2, await ReadsAsync(caseId));

        // Input the command's validator refuses (an empty reason): the message next to the field, one read more.
        var (invalid, invalidPage) = await staff.SubmitAsync(page, "form[action*='handler=Take']", new Dictionary<string, string> { ["DismissReason"] = " " }, $"/ansatt/saker/{caseId}?handler=DismissAppeal");
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("forvaltningsloven § 31", invalidPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await ReadsAsync(caseId));
    }

    [Fact]
    public async Task Another_municipalitys_caseworker_gets_404_and_no_read_is_recorded()
    {
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var sunnfjord = await StaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");

        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(new Uri($"/ansatt/saker/{caseId}", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await ReadsAsync(caseId));
    }

    private async Task<int> ReadsAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEvents.CountAsync(a => a.Action == "CaseRead" && a.ObjectId == caseId.ToString());
    }

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
