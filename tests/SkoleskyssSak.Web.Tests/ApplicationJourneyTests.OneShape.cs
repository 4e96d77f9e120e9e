using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 12 on the parent's pages: a step page reads the case through one query, audited once per request by the
/// pipeline (the query itself writes nothing), and a step's input is checked by the command's validator, whose
/// message shows next to its field.
/// </summary>
public sealed partial class ApplicationJourneyTests
{
    [Fact]
    public async Task Each_visit_of_a_step_page_audits_one_read_and_a_step_the_validator_refuses_shows_its_message()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        var before = await ReadsAsync(caseId);

        var (response, foresatte) = await client.GetAsync($"/soknad/{caseId}/foresatte?kommune={Melhus}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await ReadsAsync(caseId));
        await client.GetAsync($"/soknad/{caseId}/foresatte?kommune={Melhus}");
        Assert.Equal(before + 2, await ReadsAsync(caseId));

        var (posted, page) = await client.SubmitAsync(foresatte, "main form", new Dictionary<string, string>
        {
            ["Input.ApplicantEmail"] = "ikke-en-adresse",
        });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("E-postadressen er ikke gyldig.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 3, await ReadsAsync(caseId));
    }

    private async Task<int> ReadsAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEvents.CountAsync(a => a.Action == "ApplicationRead" && a.ObjectId == caseId.ToString());
    }
}
