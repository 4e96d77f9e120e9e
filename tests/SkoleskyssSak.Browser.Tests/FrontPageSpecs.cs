namespace SkoleskyssSak.Browser.Tests;

/// <summary>The front page in a real browser: language form, services, keyboard access, CSP and axe.</summary>
public sealed class FrontPageSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Front_page_speaks_Bokmal_offers_the_three_services_and_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/");

        Assert.Equal("nb", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Gratis skoleskyss når skoleveien er særlig farlig", (await page.Locator("h1").InnerTextAsync()).Trim());
        var main = page.Locator("main");
        foreach (var service in new[] { "Sjekk skolevegen", "Søk om skoleskyss", "Mine saker" })
        {
            await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = service })).ToBeVisibleAsync();
        }

        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Front_page_for_a_Nynorsk_municipality_speaks_Nynorsk_and_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/?kommune=4647");

        Assert.Equal("nn", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Gratis skuleskyss når skulevegen er særleg farleg", (await page.Locator("h1").InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Skip_link_is_the_first_focusable_element_and_moves_focus_to_main()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Hopp til hovedinnholdet", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await Assertions.Expect(page.Locator(".skip-link")).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Front_page_reports_no_console_errors_so_the_CSP_blocks_no_inline_script_or_style()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The design system and the site's own stylesheet really applied (a blocked stylesheet would not be).
        Assert.Equal(3, await page.EvaluateAsync<int>("() => document.styleSheets.length"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"));
        session.AssertNoConsoleErrors();
    }
}
