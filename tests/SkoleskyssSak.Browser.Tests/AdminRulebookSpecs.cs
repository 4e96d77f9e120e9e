using System.Text.RegularExpressions;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>Sunnfjord's admin maintains the rulebook in a real browser (Nynorsk); every page passes axe.</summary>
public sealed partial class AdminRulebookSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sunnfjords_admin_reads_the_table_and_history_and_edits_a_row_of_a_draft_and_every_page_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.SignInAsStaffAsync("admin.sunnfjord@demo.skoleskyss.no");

        // The staff page (Bokmål: no municipality in its address) leads to the table page, in Sunnfjord's Nynorsk.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retningslinje for skoleskyss (administrator)" }).ClickAsync();
        await page.WaitForURLAsync(TablePage());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Gjeldande retningsline");
        await Assertions.Expect(page.Locator("main .ds-alert[data-color=warning]")).ToContainTextAsync("rekonstruert");
        await Assertions.Expect(page.Locator("tr[data-segment-id]")).ToHaveCountAsync(25);
        await session.AssertAccessibleAsync();

        // The history page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Versjonshistorikk" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-version='1']")).ToContainTextAsync("Gjeldande");
        await session.AssertAccessibleAsync();

        // A new draft: the editor with its check and the activation form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Gjeldande retningsline" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag nytt utkast" }).ClickAsync();
        await page.WaitForURLAsync(DraftPage());
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("4647/v2");
        await Assertions.Expect(page.Locator("#activate")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        // The rule edit form, first as it opens, then with a mistake in the conditions.
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre rad sunnfjord/VEGARBEID" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Endre rad sunnfjord/VEGARBEID");
        await Assertions.Expect(page.GetByLabel("1–4. trinn")).ToHaveValueAsync("yearRound");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Vilkår (JSON)").FillAsync("{ \"kind\": \"langs\" }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("Ukjend verdi «langs» i «kind»");
        await session.AssertAccessibleAsync();

        // Corrected and saved: back in the draft with the new outcome.
        await page.GetByLabel("Vilkår (JSON)").FillAsync("{ \"kind\": \"along\", \"speedMin\": 50, \"roadworks\": true }");
        await page.GetByLabel("8–10. trinn").SelectOptionAsync("winter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre" }).ClickAsync();
        await page.WaitForURLAsync(DraftPage());
        await Assertions.Expect(page.Locator("tr[data-rule-id='sunnfjord/VEGARBEID'] td[data-band='8-10']")).ToHaveAttributeAsync("data-outcome", "winter");

        // The segment form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Endre strekning sunnfjord/S-01" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Endre strekning sunnfjord/S-01");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }


    [GeneratedRegex("/admin/retningslinje/4647$")]
    private static partial Regex TablePage();

    [GeneratedRegex("/admin/retningslinje/4647/versjon/2(#.*)?$")]
    private static partial Regex DraftPage();
}
