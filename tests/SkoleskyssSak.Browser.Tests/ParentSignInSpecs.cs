using System.Text.RegularExpressions;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>A parent signs in through TestID (ID-porten's stand-in outside production) in a real browser.</summary>
public sealed partial class ParentSignInSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task My_cases_sends_the_parent_through_ID_porten_sign_in_and_TestID_back_to_my_cases_and_every_page_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/mine-saker");

        Assert.Equal("/innlogging/foresatt", new Uri(page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med ID-porten" }).ClickAsync();
        await page.WaitForURLAsync(TestIdPage());
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
        await page.WaitForURLAsync(MyCasesPage());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Logget inn som Kari Nordmann");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task TestID_refuses_an_invalid_national_identity_number_with_an_error_summary_and_an_invalid_field_that_passes_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.GotoAsync("/innlogging/testid");

        var number = page.GetByLabel("Fødselsnummer (11 siffer)");
        await number.FillAsync("12345678901");
        await page.GetByLabel("Navn", new() { Exact = true }).FillAsync("Test Testesen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(TestIdPage());
        var summary = page.Locator(".ds-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToContainTextAsync("Fødselsnummeret er ikke gyldig");
        await Assertions.Expect(number).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(number).ToHaveValueAsync("12345678901");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [GeneratedRegex("/innlogging/testid(\\?.*)?$")]
    private static partial Regex TestIdPage();

    [GeneratedRegex("/mine-saker$")]
    private static partial Regex MyCasesPage();
}
