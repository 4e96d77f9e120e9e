using System.Net;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// /ansatt/saker/{id}/vurdering (issue 5): a Melhus caseworker runs the matrix and sees the rows cited; a Sunnfjord
/// caseworker gets 404 and a parent no access; a refused or stale save shows Norwegian messages, never a 500, and keeps
/// what was typed.
/// </summary>
public sealed class AssessmentPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string OlaHansen = "03909010038";

    [Fact]
    public async Task A_Melhus_caseworker_runs_the_matrix_and_sees_each_leg_with_the_rows_cited()
    {
        var caseId = await CaseInAssessmentAsync();
        var caseworker = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        var (response, page) = await caseworker.GetAsync(Url(caseId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"a[href='/ansatt/saker/{caseId}']"));

        var (ran, _) = await caseworker.SubmitAsync(page, "form[action*='handler=Run']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        var (_, assessed) = await caseworker.GetAsync(Url(caseId));
        Assert.Contains("5028/v1", assessed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(assessed.QuerySelector("form[action*='handler=Correct'] input[name='Correction.Legs[0].Kind'][checked]"));

        // After a site inspection: a county road at 60 km/t without a footpath, Melhus Tabell 1 row 8 (seed 002, kap. 6).
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[512]];
        var (corrected, _) = await caseworker.UploadAsync(assessed, "form[action*='handler=Correct']", new Dictionary<string, string>
        {
            ["Correction.Legs[0].Kind"] = "along",
            ["Correction.Legs[0].RoadCategory"] = "county",
            ["Correction.Legs[0].SpeedLimit"] = "60",
            ["Correction.Legs[0].PedestrianFacility"] = "none",
            ["Correction.InspectionDate"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Correction.InspectedBy"] = "Saksbehandler og vegeier",
            ["Correction.Findings"] = "Ingen fortau eller gang- og sykkelveg.",
        }, [("Photos", "synfaring.jpg", photo)]);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var (_, after) = await caseworker.GetAsync(Url(caseId));
        var table = after.QuerySelector("#assessed-legs")!.TextContent;
        Assert.Contains("melhus/T1-08", table, StringComparison.Ordinal);
        Assert.Contains("Saksbehandler og vegeier", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_departure_without_justification_and_a_stale_save_show_messages_and_keep_the_text()
    {
        var caseId = await CaseInAssessmentAsync();
        var caseworker = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, page) = await caseworker.GetAsync(Url(caseId));
        await caseworker.SubmitAsync(page, "form[action*='handler=Run']", new Dictionary<string, string>());
        var (_, assessed) = await caseworker.GetAsync(Url(caseId));

        var (invalidResponse, invalid) = await caseworker.SubmitAsync(assessed, "form[action*='handler=Depart']", new Dictionary<string, string>
        {
            ["Departure.Outcome"] = "yearRound",
            ["Departure.Justification"] = " ",
        });
        Assert.Equal(HttpStatusCode.OK, invalidResponse.StatusCode);
        Assert.NotNull(invalid.QuerySelector(".ds-error-summary a[href='#Departure_Justification']"));
        Assert.NotNull(invalid.QuerySelector("#Departure_Justification[aria-invalid=true]"));

        // Another caseworker saves first; this form still carries the revision it was loaded with.
        var (saved, _) = await caseworker.SubmitAsync(assessed, "form[action*='handler=Subjective']", new Dictionary<string, string>
        {
            ["Subjective.ChangesResult"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (conflictResponse, conflict) = await caseworker.SubmitAsync(assessed, "form[action*='handler=Depart']", new Dictionary<string, string>
        {
            ["Departure.Outcome"] = "yearRound",
            ["Departure.Justification"] = "Smal veg uten lys.",
        });
        Assert.Equal(HttpStatusCode.OK, conflictResponse.StatusCode);
        Assert.Contains("samtidig", conflict.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Smal veg uten lys.", conflict.QuerySelector("#Departure_Justification")!.TextContent);
    }

    [Fact]
    public async Task A_Sunnfjord_caseworker_gets_404_and_a_parent_no_access()
    {
        var caseId = await CaseInAssessmentAsync();

        var sunnfjord = await StaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(new Uri(Url(caseId), UriKind.Relative))).StatusCode);

        var parent = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        var asParent = await parent.Http.GetAsync(new Uri(Url(caseId), UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, asParent.StatusCode);
        Assert.True(asParent.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, asParent.StatusCode.ToString());
    }

    private static string Url(Guid caseId) => $"/ansatt/saker/{caseId}/vurdering";

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }

    /// <summary>A Melhus søknad sent through the parent's pages, then taken by a caseworker (the domain's StartAssessment).</summary>
    private async Task<Guid> CaseInAssessmentAsync()
    {
        var parent = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        var caseId = await ApplicationJourneyTests.StartAsync(parent, "5028");
        await ApplicationJourneyTests.FillAndSubmitAsync(parent, caseId, "5028");
        await using var db = PostgresServer.Context(app.ConnectionString);
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor("staff-test", CaseActorRole.Caseworker), DateTimeOffset.UtcNow).Succeeded);
        await db.SaveChangesAsync();
        return caseId;
    }
}
