using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 10 item 10: twenty identical "Send søknad" POSTs at once (a parent hammering the button, a flaky network
/// resending). One case results, and every one of them gets the receipt of that case: none answers 500.
/// </summary>
public sealed class ConcurrentSubmissionTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Applicant = "12838510068";
    private const string Melhus = "5028";

    [Fact]
    public async Task Twenty_racing_final_step_posts_all_get_the_receipt_of_one_case()
    {
        var client = await ApplicationJourneyTests.SignInAsync(app, Applicant, "Last Test 20");
        var caseId = await DraftThroughHandlersAsync();
        var (_, kontroller) = await client.GetAsync($"/soknad/{caseId}/kontroller?kommune={Melhus}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            var (response, page) = await client.SubmitAsync(kontroller, "main form", new Dictionary<string, string> { ["DeclarationAccepted"] = "true" });
            return (response.StatusCode, Location: response.Headers.Location?.OriginalString, Text: page.QuerySelector("main")?.TextContent);
        })));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Redirect, $"{(int)r.StatusCode}: {r.Text}"));
        Assert.All(responses, r => Assert.StartsWith($"/soknad/{caseId}/kvittering", r.Location, StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.NotNull(stored.CaseNumber);
        Assert.Single(stored.Events);
        Assert.Equal(1, await db.JournalEntries.CountAsync(j => j.CaseId == caseId && j.DocumentId == null));
        var (_, receipt) = await client.GetAsync(responses[0].Location!);
        Assert.Equal(stored.CaseNumber!.ToString(), receipt.QuerySelector("#case-number")!.TextContent.Trim());
    }

    /// <summary>A complete draft of the signed-in applicant, every step saved through the handlers; not yet sent.</summary>
    private async Task<Guid> DraftThroughHandlersAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var pseudonym = services.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(Applicant);
        var db = services.GetRequiredService<AppDbContext>();
        var school = await db.Schools.Where(s => s.MunicipalityNumber == Melhus && s.LowestGrade <= 3 && s.HighestGrade >= 3 && !s.IsPrivate).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync();
        var started = await services.GetRequiredService<ISender>().Send(new StartApplicationCommand(Melhus, pseudonym, Applicant, "Last Test 20"), default);
        var caseId = ResultAssert.Ok(started).CaseId;
        ApplicationStep[] steps =
        [
            new ChildStep(new ApplicationChild("Tone Test", "15091550013", 3, school, 2026)),
            new GuardiansStep([new ApplicationGuardian("Last Test 20", "foresatt@example.no", null, null, IsApplicant: true)]),
            new HomesStep([new ApplicationHome("Storvegen 1", "7224", "Melhus", 1.5m)]),
            new RouteStep(new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None)])),
            new ReasonsStep(new ApplicationReasons("Ingen fortau.", new Dictionary<SubjectiveFactor, string>()), TransportPeriod.WholeSchoolYear),
        ];
        foreach (var step in steps)
        {
            ResultAssert.Ok(await services.GetRequiredService<ISender>().Send(new SaveApplicationStepCommand(caseId, pseudonym, step), default));
        }

        return caseId;
    }
}
