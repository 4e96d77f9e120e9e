using System.Text.RegularExpressions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>The caseworker's assessment page in a real browser: before and after the matrix runs, and with messages, it passes axe.</summary>
public sealed class AssessmentSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid GimseSkole = Guid.Parse("5b0e3c1e-0101-5028-9000-000000000101");

    [Fact]
    public async Task A_Melhus_caseworker_runs_the_matrix_and_the_page_passes_axe_with_and_without_messages()
    {
        var caseId = await CaseInAssessmentAsync();
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        await session.GotoAsync($"/ansatt/saker/{caseId}/vurdering");
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Kjør objektiv vurdering" }).ClickAsync();
        await Assertions.Expect(page.Locator("#assessed-legs")).ToContainTextAsync("melhus/T1-08");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Begrunnelse for å fravike matrisen").FillAsync(" ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre fravik" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("begrunnelse");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    /// <summary>A submitted Melhus søknad (grade 3, a county road at 60 km/t without a footpath) taken by a caseworker.</summary>
    private async Task<Guid> CaseInAssessmentAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var caseId = Guid.CreateVersion7();
        await using var db = PostgresServer.Context(browser.App.ConnectionString);
        var @case = SchoolTransportCase.CreateDraft(caseId, "5028", now);
        Assert.True(@case.TryAssignCaseNumber(CaseNumber.Create(now.Year, 90_000 + Random.Shared.Next(9_999))));
        var form = ApplicationForm.Empty with
        {
            Child = new ApplicationChild("Tone Hansen", "15091550013", 3, GimseSkole, 2026),
            Guardians = [new ApplicationGuardian("Ola Hansen", "ola@example.no", null, null, IsApplicant: true)],
            Homes = [new ApplicationHome("Storvegen 1", "7224", "Melhus", 1.5m)],
            Route = new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None)]),
            DeclarationAccepted = true,
        };
        Assert.True(@case.Apply(CaseTrigger.Submit, new CaseActor("c-browserbrowserbrowser00", CaseActorRole.Guardian), now).Succeeded);
        @case.RecordSubmission(GimseSkole, 3, now);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor("staff-browser", CaseActorRole.Caseworker), now).Succeeded);
        db.Cases.Add(@case);
        db.Applications.Add(new CaseApplication(caseId, "c-browserbrowserbrowser00", form, now));
        await db.SaveChangesAsync();
        return caseId;
    }
}
