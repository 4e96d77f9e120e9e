using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 11 in a real browser: two legs no row of Melhus' matrix covers each get the caseworker's assessment form on the
/// assessment page; the page passes axe with the forms, with the message for missing reasons, and with an assessment
/// recorded.
/// </summary>
public sealed class ManualLegAssessmentSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid GimseSkole = Guid.Parse("5b0e3c1e-0101-5028-9000-000000000101");

    [Fact]
    public async Task A_caseworker_assesses_a_leg_no_row_covers_and_the_page_passes_axe_with_the_forms_and_messages()
    {
        var caseId = await CaseInAssessmentAsync();
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        await session.GotoAsync($"/ansatt/saker/{caseId}/vurdering");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kjør objektiv vurdering" }).ClickAsync();
        await Assertions.Expect(page.Locator("#manuell-vurdering")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#manuell-vurdering form")).ToHaveCountAsync(2);
        await session.AssertAccessibleAsync();

        // Reasons left empty: the message on the field and in the summary.
        var first = page.Locator("#manuell-1");
        await first.GetByLabel("Særlig farlig eller vanskelig hele året").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Lagre vurderingen av strekning 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("Skriv begrunnelsen");
        await Assertions.Expect(page.Locator("#ManualLegs_1__Reasons")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();

        await page.Locator("#manuell-1").GetByLabel("Begrunnelse").FillAsync("Ingen skulder, 80 km/t og tungtrafikk.");
        await page.Locator("#manuell-1").GetByRole(AriaRole.Button, new() { Name = "Lagre vurderingen av strekning 1" }).ClickAsync();
        await Assertions.Expect(page.Locator("#manual-1-recorded")).ToContainTextAsync("Ingen skulder, 80 km/t og tungtrafikk.");
        await Assertions.Expect(page.Locator("#manual-1-by")).ToContainTextAsync("Morten Saksbehandler (Melhus)");
        await Assertions.Expect(page.Locator("#manual-2-missing")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    /// <summary>A submitted Melhus søknad (grade 3) with two national-road legs, which Tabell 1 (seed 002, kap. 6) has no row for, taken by a caseworker.</summary>
    private async Task<Guid> CaseInAssessmentAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var caseId = Guid.CreateVersion7();
        await using var db = PostgresServer.Context(browser.App.ConnectionString);
        var @case = SchoolTransportCase.CreateDraft(caseId, "5028", now);
        Assert.True(@case.TryAssignCaseNumber(CaseNumber.Create(now.Year, 80_000 + Random.Shared.Next(9_999))));
        var national = new RouteLeg(LegKind.Along, RoadCategory.National, 80, 3000, PedestrianFacility.None);
        var form = ApplicationForm.Empty with
        {
            Child = new ApplicationChild("Tone Hansen", "15091550013", 3, GimseSkole, 2026),
            Guardians = [new ApplicationGuardian("Ola Hansen", "ola@example.no", null, null, IsApplicant: true)],
            Homes = [new ApplicationHome("Storvegen 1", "7224", "Melhus", 1.5m)],
            Route = new ApplicationRoute([], [national, national with { SpeedLimit = 60 }]),
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
