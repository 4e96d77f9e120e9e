
namespace SkoleskyssSak.Browser.Tests;

/// <summary>The pages users meet when something is off: not found, no access, signed out. All pass axe.</summary>
public sealed class ErrorAndAccessPagesSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Not_found_no_access_and_signed_out_pages_are_Norwegian_and_pass_axe()
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;

        var notFound = await page.GotoAsync(new Uri(session.BaseAddress, "/denne-siden-finnes-ikke").ToString());
        Assert.Equal(404, notFound!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Fant ikke siden");
        await session.AssertAccessibleAsync();

        // A caseworker opening the admin pages is sent to "Du har ikke tilgang".
        await session.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var denied = await page.GotoAsync(new Uri(session.BaseAddress, "/admin/retningslinje/5028").ToString());
        Assert.Equal(403, denied!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Du har ikke tilgang");
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Logg ut" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Du er logget ut");
        await session.AssertAccessibleAsync();
    }
}
