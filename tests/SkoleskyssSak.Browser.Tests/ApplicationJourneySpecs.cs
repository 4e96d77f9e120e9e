using System.Text.RegularExpressions;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>A parent applies in a real browser: TestID, every step, the receipt and Mine saker, each passing axe.</summary>
public sealed partial class ApplicationJourneySpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_applies_through_every_step_to_the_receipt_and_Mine_saker_and_every_page_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/soknad");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med ID-porten" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Ola Hansen" }).ClickAsync();
        await page.WaitForURLAsync(ApplyPage());
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Kommune").SelectOptionAsync("5028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("barn"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Steg 1 av 6");
        await session.AssertAccessibleAsync();

        // A wrong fødselsnummer: the summary and the field say so.
        await page.Locator("[name='Input.Name']").FillAsync("Tone Hansen");
        await page.Locator("[name='Input.NationalIdentityNumber']").FillAsync("15091550014");
        await page.Locator("[name='Input.Grade']").SelectOptionAsync("3");
        await page.Locator("[name='Input.SchoolId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[name='Input.NationalIdentityNumber']")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.NationalIdentityNumber']").FillAsync("15091550013");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await page.WaitForURLAsync(Step("foresatte"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.ApplicantEmail']").FillAsync("ola@example.no");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await page.WaitForURLAsync(Step("hjem"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Homes[0].Address']").FillAsync("Storvegen 1");
        await page.Locator("[name='Input.Homes[0].PostalCode']").FillAsync("7224");
        await page.Locator("[name='Input.Homes[0].Place']").FillAsync("Melhus");
        await page.Locator("[name='Input.Homes[0].WalkingDistanceKm']").FillAsync("1,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await page.WaitForURLAsync(Step("skoleveg"));
        await session.AssertAccessibleAsync();

        var leg = page.Locator(".route-leg").Nth(0);
        await leg.GetByLabel("Går langs vegen").CheckAsync();
        await leg.GetByLabel("Hva slags veg?").SelectOptionAsync("county");
        await leg.GetByLabel("Fartsgrense (km/t)").SelectOptionAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis foreløpig vurdering" }).ClickAsync();
        await Assertions.Expect(page.Locator("#guidance-heading")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await page.WaitForURLAsync(Step("begrunnelse"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Text']").FillAsync("Ingen fortau og mye tungtrafikk.");
        await page.GetByLabel("Hele skoleåret").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå videre" }).ClickAsync();
        await page.WaitForURLAsync(Step("kontroller"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tone Hansen");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Jeg bekrefter at opplysningene er riktige").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("kvittering"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Søknaden er mottatt");
        var number = (await page.Locator("#case-number").TextContentAsync())!.Trim();
        Assert.Matches(@"^\d{4}/\d{5}$", number);
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Gå til Mine saker" }).ClickAsync();
        await page.WaitForURLAsync(MyCasesPage());
        var row = page.Locator("tbody tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Mottatt");
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    private static Regex Step(string step) => new($"/soknad/[0-9a-f-]{{36}}/{step}\\?kommune=5028$");

    [GeneratedRegex("/soknad$")]
    private static partial Regex ApplyPage();

    [GeneratedRegex("/mine-saker$")]
    private static partial Regex MyCasesPage();
}
