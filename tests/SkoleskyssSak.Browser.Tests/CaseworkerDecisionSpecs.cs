using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 5 in a real browser: from the work queue to an issued decision — the case page, taking the case, the
/// decision form with a validation message, the draft, the issue — every caseworker page clean under axe.
/// </summary>
public sealed class CaseworkerDecisionSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid GimseSkole = Guid.Parse("5b0e3c1e-0101-5028-9000-000000000101");

    [Fact]
    public async Task A_caseworker_goes_from_the_queue_to_an_issued_decision_and_every_page_passes_axe()
    {
        Guid caseId;
        await using (var db = PostgresServer.Context(browser.App.ConnectionString))
        {
            caseId = SubmittedCases.Add(db, "5028", 7, GimseSkole, 3, DateTimeOffset.UtcNow.AddDays(-5), "Tone Hansen").Id;
            await db.SaveChangesAsync();
        }

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        await page.GetByRole(AriaRole.Link, new() { Name = "Arbeidskø: søknader til behandling" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "2026/00007" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sak 2026/00007");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Mottatt");
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ta saken" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Under behandling");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Be om flere opplysninger" })).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        await page.Locator(".case-actions").GetByRole(AriaRole.Link, new() { Name = "Vedtak" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vedtak i sak 2026/00007");

        // No decision before the assessment: the page says so and a draft is refused.
        await Assertions.Expect(page.Locator("#assessment-missing")).ToContainTextAsync("fullstendig vurdering");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("Velg utfall.");
        await session.AssertAccessibleAsync();

        // Assessed (the assessment page has its own spec): the form starts from the assessment's conclusion.
        await RecordedAssessments.RecordAsync(browser.App, caseId, "5028", Domain.Rules.TransportOutcome.YearRound);
        await session.GotoAsync($"/ansatt/saker/{caseId}/vedtak");
        await Assertions.Expect(page.GetByLabel("Innvilget helårsskyss")).ToBeCheckedAsync();
        await page.GetByLabel("Begrunnelse (forvaltningsloven §§ 24–25)").FillAsync("Skolevegen følger fylkesveg med 60 km/t uten fortau.\n\nEtter rad melhus/T1-08 er vegen særlig farlig for 3. trinn.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Første dag med skyss")).Not.ToHaveValueAsync(string.Empty);
        await session.AssertAccessibleAsync();

        // Issuing asks for confirmation of the outcome in words.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("bekrefter utfallet");
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Jeg bekrefter at vedtaket skal sendes med utfallet: Innvilget helårsskyss").CheckAsync();

        // Issuing prints the letter to PDF before the page returns: allow for a loaded machine.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" }).ClickAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vedtaket er sendt");
        await Assertions.Expect(page.Locator("#issued-decisions")).ToContainTextAsync("Innvilget helårsskyss");
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Vedtak er gjort");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }
}
