using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>The caseworker's work queue in a real browser: reached from the staff page, clean under axe, assigning works.</summary>
public sealed class WorkQueueSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Guid GimseSkole = Guid.Parse("5b0e3c1e-0101-5028-9000-000000000101");

    [Fact]
    public async Task A_caseworker_opens_the_queue_takes_an_overdue_case_and_every_state_of_the_page_passes_axe()
    {
        await using (var db = PostgresServer.Context(browser.App.ConnectionString))
        {
            SubmittedCases.Add(db, "5028", 1, GimseSkole, 3, DateTimeOffset.UtcNow.AddDays(-60), "Kari Nordmann");
            SubmittedCases.Add(db, "5028", 2, GimseSkole, 5, DateTimeOffset.UtcNow.AddDays(-2), "Per Hansen");
            await db.SaveChangesAsync();
        }

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.SignInAsStaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        await page.GetByRole(AriaRole.Link, new() { Name = "Arbeidskø: søknader til behandling" }).ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Arbeidskø" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(table.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Over fristen");
        await session.AssertAccessibleAsync();

        await table.GetByRole(AriaRole.Button, new() { Name = "Ta saken 2026/00001" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Sak 2026/00001 er fordelt til Morten Saksbehandler (Melhus).");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Trinn").SelectOptionAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis saker" }).ClickAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        session.AssertNoConsoleErrors();

        // A malformed address is a 400 (which the browser reports in its console) with the message on the page.
        var invalid = await page.GotoAsync(new Uri(session.BaseAddress, "/ansatt/saker?trinn=abc").ToString());
        Assert.Equal(400, invalid!.Status);
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("Trinn må være et tall fra 1 til 10.");
        await session.AssertAccessibleAsync();
    }
}
