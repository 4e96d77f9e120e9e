namespace SkoleskyssSak.Browser.Tests;

/// <summary>"Sjekk skolevegen" in a real browser: with JavaScript the form adapts to the kind of leg and adds legs in place.</summary>
public sealed class CheckRouteSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_parent_describes_two_legs_and_reads_the_answer_with_the_rows_quoted_and_every_state_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/sjekk-skolevegen");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Kommune").SelectOptionAsync("5028");
        await page.GetByLabel("Trinn", new() { Exact = true }).SelectOptionAsync("3");

        var first = page.Locator(".route-leg").Nth(0);
        await first.GetByLabel("Hva slags veg?").SelectOptionAsync("county");
        await first.GetByLabel("Fartsgrense (km/t)").SelectOptionAsync("60");
        await first.GetByLabel("Er det fortau eller gang- og sykkelveg?").SelectOptionAsync("none");
        await Assertions.Expect(first.GetByLabel("Hvordan krysser eleven?")).ToBeHiddenAsync();

        // Adding a leg happens in the page, without a round trip.
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;
        await page.GetByRole(AriaRole.Button, new() { Name = "Legg til strekning" }).ClickAsync();
        await Assertions.Expect(page.Locator(".route-leg")).ToHaveCountAsync(2);
        Assert.Equal(0, navigations);

        var second = page.Locator(".route-leg").Nth(1);
        await Assertions.Expect(second.Locator("legend").First).ToHaveTextAsync("Strekning 2");
        await second.GetByLabel("Krysser jernbanen (planovergang)").CheckAsync();
        await Assertions.Expect(second.GetByLabel("Hva slags veg?")).ToBeHiddenAsync();
        await second.GetByRole(AriaRole.Group, new() { Name = "Er planovergangen sikret med bom eller lys?" }).GetByLabel("Nei").CheckAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("form.route-form").GetByRole(AriaRole.Button, new() { Name = "Sjekk skolevegen" }).ClickAsync();
        var result = page.Locator("#result");
        await Assertions.Expect(result).ToBeVisibleAsync();

        // Row 17 (unsecured level crossing) gives 2.–4. trinn year-round transport; row 8 only "Nei *".
        await Assertions.Expect(result.Locator("h2")).ToContainTextAsync("Skyss hele året");
        await Assertions.Expect(result).ToContainTextAsync("melhus/T1-08");
        await Assertions.Expect(result).ToContainTextAsync("melhus/T1-17");
        await Assertions.Expect(result).ToContainTextAsync("ikke et vedtak");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Missing_choices_show_the_error_summary_and_it_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        await session.GotoAsync("/sjekk-skolevegen");
        await session.Page.Locator("form.route-form").GetByRole(AriaRole.Button, new() { Name = "Sjekk skolevegen" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator(".ds-error-summary")).ToContainTextAsync("Velg kommune.");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }
}
