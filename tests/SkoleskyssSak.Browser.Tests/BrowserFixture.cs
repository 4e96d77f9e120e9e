namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// One app (on Kestrel, own database) and one headless Debian Chromium per test class. Each test opens its own
/// <see cref="BrowserSession"/> (a fresh browser context: no cookies shared between tests).
/// Never run `playwright install`: the browser is the distribution's, see DESIGN.md §7 and §10.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public KestrelAppFactory App { get; } = new();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Run scripts/install-prerequisites.sh (apt-get install -y chromium fonts-liberation).");
        }

        // Start app and browser side by side: both take about a second.
        var app = App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        await app;
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context and page against the app, with the app's real CSP in force.</summary>
    public Task<BrowserSession> NewSessionAsync() => BrowserSession.StartAsync(Browser, App.BaseAddress);
}
