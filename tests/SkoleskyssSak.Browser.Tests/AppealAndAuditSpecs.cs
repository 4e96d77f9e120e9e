using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// A Sunnfjord case in a real browser from decision to appeal: the caseworker decides, reads the case's audit log, the
/// parent appeals from "Mine saker" in Nynorsk, the caseworker starts the first-instance review, and the admin's letter
/// templates page is reached; every page passes axe.
/// </summary>
public sealed class AppealAndAuditSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_decision_is_appealed_from_Mine_saker_and_reviewed_and_every_page_involved_passes_axe()
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(browser.App, "4647", "12838510068", "Kari Nordmann");

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ta saken" }).ClickAsync();

            // A request for more information (fvl. § 17), answered by the parent from Mine saker below.
            await page.GetByLabel("Hva ber dere om?").FillAsync("Send gjerne eit bilete av vegen ved skulen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send forespørselen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Venter på opplysninger fra foresatte");
            await staff.AssertAccessibleAsync();
        }

        await using (var parent = await browser.NewSessionAsync())
        {
            var page = parent.Page;
            await parent.GotoAsync("/innlogging/testid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune=4647");
            await Assertions.Expect(page.Locator("#information-request")).ToContainTextAsync("bilete av vegen");
            await parent.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
            await Assertions.Expect(page.Locator("#Answer")).ToHaveAttributeAsync("aria-invalid", "true");
            await parent.AssertAccessibleAsync();
            await page.GetByLabel("Svaret ditt").FillAsync("Vegen har gang- og sykkelveg, men han er mørk.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send svar" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Svaret er sendt");
            await parent.AssertAccessibleAsync();
        }

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await Assertions.Expect(page.Locator("#staff-documents")).ToContainTextAsync("svar-pa-forespurnad.txt");
            await RecordedAssessments.RecordAsync(browser.App, caseId, "4647", Domain.Rules.TransportOutcome.None);
            await page.Locator(".case-actions").GetByRole(AriaRole.Link, new() { Name = "Vedtak" }).ClickAsync();
            await page.GetByLabel("Avslag").CheckAsync();
            await page.Locator("#Grounds").FillAsync("Vegen har gang- og sykkelveg heile vegen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }).ClickAsync();
            await page.Locator("#Confirmed").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" }).ClickAsync(new() { Timeout = 60_000 }); // prints the PDF letter
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vedtaket er sendt");

            await staff.GotoAsync($"/ansatt/saker/{caseId}/logg");
            await Assertions.Expect(page.Locator("main table tbody tr").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("2026/");
            await staff.AssertAccessibleAsync();
        }

        await using (var parent = await browser.NewSessionAsync())
        {
            var page = parent.Page;
            await parent.GotoAsync("/innlogging/testid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune=4647");
            await Assertions.Expect(page.Locator("#appeal")).ToContainTextAsync("Klagefristen er");
            await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("vedtak-");
            await parent.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Send klaga" }).ClickAsync();
            await Assertions.Expect(page.Locator("#AppealText")).ToHaveAttributeAsync("aria-invalid", "true");
            await parent.AssertAccessibleAsync();

            await page.GetByLabel("Kva meiner du bør endrast, og kvifor?").FillAsync("Vegen er mørk og utan lys om vinteren.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send klaga" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Klaga er send");
            await Assertions.Expect(page.Locator("#appeals")).ToContainTextAsync("i Mine saker");
            await parent.AssertAccessibleAsync();
            parent.AssertNoConsoleErrors();
        }

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await Assertions.Expect(page.Locator("#appeals")).ToContainTextAsync("klagefrist");
            await staff.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start klagebehandlingen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#case-state")).Not.ToHaveTextAsync("Klage mottatt");
            await staff.AssertAccessibleAsync();

            // Upheld and forwarded to Statsforvaltaren i Vestland (fvl. § 33), with the municipality's assessment.
            await page.GetByLabel("Kommunens vurdering av klagen").FillAsync("Vegen har gang- og sykkelveg; vedtaket blir ståande.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send klagen til klageinstansen" }).ClickAsync();
            await Assertions.Expect(page.Locator("#staff-documents")).ToContainTextAsync("oversending-");
            await staff.AssertAccessibleAsync();
        }

        await using (var parent = await browser.NewSessionAsync())
        {
            var page = parent.Page;
            await parent.GotoAsync("/innlogging/testid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune=4647");
            await Assertions.Expect(page.Locator("#comment")).ToContainTextAsync("Statsforvaltaren i Vestland");
            await parent.AssertAccessibleAsync();
            await page.GetByLabel("Merknadene dine").FillAsync("Vegen er mørk om vinteren.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send merknadene" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Merknadene er sende");
            await parent.AssertAccessibleAsync();
        }

        await using (var governor = await browser.NewSessionAsync())
        {
            await governor.SignInAsStaffAsync("klage.vestland@demo.skoleskyss.no");
            await governor.GotoAsync($"/klageinstans/saker/{caseId}");
            await Assertions.Expect(governor.Page.Locator("main")).ToContainTextAsync("Merknad");
            await governor.AssertAccessibleAsync();
        }

        await using (var admin = await browser.NewSessionAsync())
        {
            await admin.SignInAsStaffAsync("admin.sunnfjord@demo.skoleskyss.no");
            await admin.GotoAsync("/admin/brevmaler/4647");
            await Assertions.Expect(admin.Page.Locator("h1")).ToBeVisibleAsync();
            await admin.AssertAccessibleAsync();
            admin.AssertNoConsoleErrors();
        }
    }
}
