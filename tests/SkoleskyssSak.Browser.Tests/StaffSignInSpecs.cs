using System.Text.RegularExpressions;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>Staff sign in with e-mail and password (ASP.NET Core Identity) in a real browser.</summary>
public sealed partial class StaffSignInSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Caseworker_signs_in_and_the_staff_page_shows_role_and_municipality_and_both_pages_pass_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        await session.GotoAsync("/innlogging/ansatt");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("E-post").FillAsync("saksbehandler.melhus@demo.skoleskyss.no");
        await page.GetByLabel("Passord").FillAsync(DemoDataSeeder.DemoPassword);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();

        await page.WaitForURLAsync(StaffPage());
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("Saksbehandler");
        await Assertions.Expect(main).ToContainTextAsync("Melhus");
        await session.AssertAccessibleAsync();
        session.AssertNoConsoleErrors();
    }

    [GeneratedRegex("/ansatt$")]
    private static partial Regex StaffPage();
}
