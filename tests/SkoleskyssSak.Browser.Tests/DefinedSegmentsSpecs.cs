namespace SkoleskyssSak.Browser.Tests;

/// <summary>"Forhåndsvurderte strekninger" in a real browser, Nynorsk for Sunnfjord.</summary>
public sealed class DefinedSegmentsSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_school_looks_up_its_segments_and_the_page_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.GotoAsync("/forhandsvurderte-strekninger?kommune=4647");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Søk etter skule eller veg").FillAsync("Holsen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("main h2")).ToHaveTextAsync("Holsen skule");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }
}
