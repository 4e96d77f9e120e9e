using System.Collections.Concurrent;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// One browser context with one page, isolated from other tests (own cookies). It records every console error
/// and uncaught page error, which is how a Content-Security-Policy violation (a blocked inline script or style)
/// shows itself, and serves axe-core to the page from a same-origin address so axe runs under the app's real CSP.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors = new();

    private BrowserSession(IBrowserContext context, IPage page, Uri baseAddress)
    {
        Context = context;
        Page = page;
        BaseAddress = baseAddress;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"page error on {page.Url}: {error}");
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri BaseAddress { get; }

    /// <summary>Console errors and uncaught page errors seen so far.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    public static async Task<BrowserSession> StartAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "nb-NO",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        await Axe.ServeAsync(context, baseAddress);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page, baseAddress);
    }

    /// <summary>Signs in as a demo staff user through the staff sign-in page and waits for the staff landing page.</summary>
    public async Task SignInAsStaffAsync(string email)
    {
        await GotoAsync("/innlogging/ansatt");
        await Page.GetByLabel("E-post").FillAsync(email);
        await Page.GetByLabel("Passord").FillAsync(SkoleskyssSak.Infrastructure.Seeding.DemoDataSeeder.DemoPassword);
        await Page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Logg inn" }).ClickAsync();
        // The first sign-in of a fresh app host (password hashing, first compilation of the staff pages) can pass
        // 15 s on a loaded 2-core machine (a full run saw it once). The page is still required to arrive.
        await Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/ansatt$"), new() { Timeout = 60_000 });
    }

    /// <summary>Opens a path of the app, e.g. "/mine-saker", and fails on an HTTP error status.</summary>
    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Ok, $"GET {path} answered {response.Status} {response.StatusText}.");
        return response;
    }

    /// <summary>
    /// Runs axe-core on the current page and fails with every violation's id, help and nodes. With the environment
    /// variable BROWSER_TESTS_SCREENSHOTS set to a folder, it also saves a full-page screenshot there to look at.
    /// </summary>
    public async Task AssertAccessibleAsync()
    {
        var folder = Environment.GetEnvironmentVariable("BROWSER_TESTS_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            var uri = new Uri(Page.Url);
            var name = (uri.AbsolutePath.Trim('/').Replace('/', '_') is { Length: > 0 } path ? path : "forside")
                + (uri.Query.Length > 1 ? "_" + string.Concat(uri.Query[1..].Where(char.IsAsciiLetterOrDigit)) : string.Empty);
            Directory.CreateDirectory(folder);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + ".png"), FullPage = true, Timeout = 60_000 });
        }

        await Axe.AssertNoViolationsAsync(Page);
    }

    public void AssertNoConsoleErrors() =>
        Assert.True(errors.IsEmpty, "The browser reported errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors));

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
