using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 6 in a real browser: a Melhus appeal through Utvalg for teknikk og miljø (a refused attempt without the
/// meeting date, then forwarded on) to Statsforvalteren i Trøndelag, who upholds; every appeal-body page passes axe.
/// </summary>
public sealed class AppealBodySpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_Melhus_appeal_goes_through_the_committee_to_Statsforvalteren_and_every_page_passes_axe()
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(browser.App, "5028", "12838510068", "Kari Nordmann");
        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ta saken" }).ClickAsync();
            await RecordedAssessments.RecordAsync(browser.App, caseId, "5028", Domain.Rules.TransportOutcome.None);
            await page.Locator(".case-actions").GetByRole(AriaRole.Link, new() { Name = "Vedtak" }).ClickAsync();
            await page.GetByLabel("Avslag").CheckAsync();
            await page.Locator("#Grounds").FillAsync("Vegen har fortau hele vegen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }).ClickAsync();
            await page.Locator("#Confirmed").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" }).ClickAsync(new() { Timeout = 60_000 }); // prints the PDF letter
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vedtaket er sendt");
        }

        await using (var db = PostgresServer.Context(browser.App.ConnectionString))
        {
            await ForwardedCases.ForwardAsync(db, caseId, "melhus-utm", step: 1);
        }

        await using (var committee = await browser.NewSessionAsync())
        {
            var page = committee.Page;
            await committee.SignInAsStaffAsync("utvalg.melhus@demo.skoleskyss.no");
            await page.GetByRole(AriaRole.Link, new() { Name = "Saker til klagebehandling" }).ClickAsync();
            await Assertions.Expect(page.Locator("#open-cases")).ToBeVisibleAsync();
            await committee.AssertAccessibleAsync();

            await page.Locator($"#open-cases a[href='/klageinstans/saker/{caseId}']").ClickAsync();
            await Assertions.Expect(page.Locator("#appeals")).ToContainTextAsync(ForwardedCases.AppealText);
            await committee.AssertAccessibleAsync();

            // Without the meeting date: the summary says what is missing.
            await page.GetByLabel("Opprettholde vedtaket og sende saken videre til neste klageinstans").CheckAsync();
            await page.GetByLabel("Vedtaket i møtet").FillAsync("Utvalget opprettholder vedtaket.");
            await page.GetByLabel("Skriv brevet").FillAsync("Saken sendes til Statsforvalteren i Trøndelag.");

            // The guardians' comment deadline has not passed: deciding now is confirmed and explained (issue 11).
            await Assertions.Expect(page.Locator("#decide-early")).ToBeVisibleAsync();
            await page.GetByLabel("Vi avgjør saken før fristen").CheckAsync();
            await page.GetByLabel("Hvorfor avgjøres saken før fristen?").FillAsync("Foresatte har sagt at de ikke har flere merknader.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer avgjørelsen" }).ClickAsync();
            await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("møtedato");
            await committee.AssertAccessibleAsync();

            await page.GetByLabel("Opprettholde vedtaket og sende saken videre til neste klageinstans").CheckAsync();
            await page.GetByLabel("Møtedato").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer avgjørelsen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#steps")).ToContainTextAsync("Opprettholdt og sendt videre");
            await Assertions.Expect(page.Locator("#decide-form")).ToHaveCountAsync(0);
            await committee.AssertAccessibleAsync();
            committee.AssertNoConsoleErrors();
        }

        await using (var governor = await browser.NewSessionAsync())
        {
            var page = governor.Page;
            await governor.SignInAsStaffAsync("klage.trondelag@demo.skoleskyss.no");
            await governor.GotoAsync("/klageinstans");
            await page.Locator($"#open-cases a[href='/klageinstans/saker/{caseId}']").ClickAsync();
            await Assertions.Expect(page.Locator("#steps")).ToContainTextAsync("Utvalget opprettholder vedtaket.");
            await page.GetByLabel("Stadfeste vedtaket").CheckAsync();
            await page.GetByLabel("Skriv brevet").FillAsync("Statsforvalteren stadfester vedtaket.");
            await page.GetByLabel("Vi avgjør saken før fristen").CheckAsync();
            await page.GetByLabel("Hvorfor avgjøres saken før fristen?").FillAsync("Saken er godt nok opplyst.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Registrer avgjørelsen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Klagen er avgjort");
            await governor.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Link, new() { Name = "Tilbake til klagesakene" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Statistikk for klagesakene" }).ClickAsync();
            await Assertions.Expect(page.Locator("#statistics")).ToContainTextAsync("Melhus");
            await governor.AssertAccessibleAsync();
            governor.AssertNoConsoleErrors();
        }
    }
}
