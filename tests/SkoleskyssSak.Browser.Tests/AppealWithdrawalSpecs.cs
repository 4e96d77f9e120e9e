using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 11 in a real browser: a Sunnfjord parent appeals a decision from "Mine saker", then withdraws the appeal with
/// "Trekk klaga" through the confirmation step (Nynorsk), and the case page shows that the decision stands; the
/// confirmation and result pages pass axe.
/// </summary>
public sealed class AppealWithdrawalSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_withdraws_a_pending_appeal_through_the_confirmation_step_and_both_pages_pass_axe()
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(browser.App, "4647", "12838510068", "Kari Nordmann");

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Ta saken" }).ClickAsync();
            await RecordedAssessments.RecordAsync(browser.App, caseId, "4647", Domain.Rules.TransportOutcome.None);
            await page.Locator(".case-actions").GetByRole(AriaRole.Link, new() { Name = "Vedtak" }).ClickAsync();
            await page.GetByLabel("Avslag").CheckAsync();
            await page.Locator("#Grounds").FillAsync("Vegen har gang- og sykkelveg heile vegen.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }).ClickAsync();
            await page.Locator("#Confirmed").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send vedtaket" }).ClickAsync(new() { Timeout = 60_000 }); // prints the PDF letter
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vedtaket er sendt");
        }

        await using (var parent = await browser.NewSessionAsync())
        {
            var page = parent.Page;
            await parent.GotoAsync("/innlogging/testid");
            await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune=4647");
            await page.GetByLabel("Kva meiner du bør endrast, og kvifor?").FillAsync("Vegen er mørk og utan lys om vinteren.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send klaga" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Klaga er send");

            // "Trekk klaga" leads to a confirmation step that says what happens, before anything is changed.
            await page.Locator("#withdraw-appeal").GetByRole(AriaRole.Link, new() { Name = "Trekk klaga" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vil du trekkje klaga?");
            await Assertions.Expect(page.Locator("#decision-stands")).ToContainTextAsync("står ved lag");
            await Assertions.Expect(page.Locator("#new-appeal")).ToContainTextAsync("forvaltningslova § 29");
            await parent.AssertAccessibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, trekk klaga" }).ClickAsync(new() { Timeout = 60_000 }); // prints the confirmation letter
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Klaga er trekt");
            await Assertions.Expect(page.Locator("#appeal-withdrawn")).ToContainTextAsync("vedtaket står ved lag");
            await Assertions.Expect(page.Locator("#withdraw-appeal")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("klage-trekt-");
            await parent.AssertAccessibleAsync();
            parent.AssertNoConsoleErrors();
        }
    }
}
