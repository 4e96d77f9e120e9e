using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Infrastructure.Documents;

/// <summary>
/// Prints HTML to tagged PDF with headless Chromium through Playwright (DESIGN.md §7: QuestPDF is not
/// available and PDFsharp is AGPL and untagged). One browser per process, launched on first use and
/// relaunched if it dies; at most <see cref="PdfOptions.PoolSize"/> pages render at once and idle pages are reused.
/// </summary>
public sealed partial class ChromiumPdfRenderer(IOptions<PdfOptions> options, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer, IAsyncDisposable
{
    private readonly PdfOptions settings = options.Value;
    private readonly SemaphoreSlim launchLock = new(1, 1);
    private readonly SemaphoreSlim renderSlots = new(options.Value.PoolSize, options.Value.PoolSize);
    private readonly ConcurrentBag<IPage> idlePages = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>What the health check reports.</summary>
    public PdfRendererStatus Status { get; private set; } = PdfRendererStatus.NotStarted;

    public string? LastError { get; private set; }

    public async Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken cancellationToken)
    {
        await renderSlots.WaitAsync(cancellationToken);
        IPage? page = null;
        try
        {
            page = await TakePageAsync(cancellationToken);
            await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = HeaderTemplate(request),
                FooterTemplate = FooterTemplate(request),
                Margin = new Margin { Top = "20mm", Bottom = "22mm", Left = "22mm", Right = "22mm" },
            });
            idlePages.Add(page);
            page = null;
            Status = PdfRendererStatus.Running;
            return pdf;
        }
        catch (PlaywrightException ex)
        {
            Status = PdfRendererStatus.Failed;
            LastError = ex.Message;
            throw new PdfRenderingException("Chromium could not print the document.", ex);
        }
        finally
        {
            if (page is not null)
            {
                await page.CloseAsync();
            }

            renderSlots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        launchLock.Dispose();
        renderSlots.Dispose();
    }

    private static string FooterTemplate(PdfDocumentRequest request) =>
        "<div style=\"font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9px; width: 100%; margin: 0 22mm; display: flex; justify-content: space-between;\">" +
        $"<span>{WebUtility.HtmlEncode(request.FooterLabel)}</span>" +
        (request.FooterPageNumbers ? PageNumber(request) : "<span></span>") + "</div>";

    private static string HeaderTemplate(PdfDocumentRequest request) => request.HeaderLabel is null
        ? "<span></span>"
        : "<div style=\"font-family: 'Liberation Sans', Arial, sans-serif; font-size: 9px; width: 100%; margin: 0 22mm; text-align: right;\">" +
          $"{WebUtility.HtmlEncode(request.HeaderLabel)} – {PageNumber(request)}</div>";

    private static string PageNumber(PdfDocumentRequest request) =>
        $"<span>{WebUtility.HtmlEncode(request.PageWord)} <span class=\"pageNumber\"></span> {WebUtility.HtmlEncode(request.OfWord)} <span class=\"totalPages\"></span></span>";

    private async Task<IPage> TakePageAsync(CancellationToken cancellationToken)
    {
        while (idlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed && browser is { IsConnected: true })
            {
                return idle;
            }
        }

        var running = await EnsureBrowserAsync(cancellationToken);
        var page = await running.NewPageAsync(new BrowserNewPageOptions { JavaScriptEnabled = false });

        // A letter is printed from its HTML alone: whatever the HTML holds (a citizen's text, a pasted link, an
        // image URL), Chromium fetches nothing, so printing never leaks a case to a third party nor waits on one.
        await page.RouteAsync("**/*", route => route.AbortAsync("blockedbyclient"));
        return page;
    }

    private async Task<IBrowser> EnsureBrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true })
        {
            return browser;
        }

        await launchLock.WaitAsync(cancellationToken);
        try
        {
            if (browser is { IsConnected: true })
            {
                return browser;
            }

            if (!File.Exists(settings.ChromiumPath))
            {
                Status = PdfRendererStatus.Failed;
                LastError = $"Chromium not found at {settings.ChromiumPath}";
                throw new PdfRenderingException($"Chromium is not installed at {settings.ChromiumPath} (apt-get install chromium fonts-liberation).", null);
            }

            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = settings.ChromiumPath,
                Headless = true,
                // The machine has no network but loopback: keep Chromium from trying to phone home.
                Args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
            });
            Status = PdfRendererStatus.Running;
            LastError = null;
            logger.LogInformation("Chromium {Version} started for PDF rendering", browser.Version);
            return browser;
        }
        finally
        {
            launchLock.Release();
        }
    }
}

public enum PdfRendererStatus
{
    NotStarted,
    Running,
    Failed,
}

public sealed class PdfRenderingException(string message, Exception? inner) : Exception(message, inner);

public sealed class PdfOptions
{
    public const string Section = "Pdf";

    public string ChromiumPath { get; set; } = "/usr/lib/chromium/chromium";

    /// <summary>Pages rendering at once; 4 saturates 2 cores (DESIGN.md §7: ~20–28 letters/s).</summary>
    public int PoolSize { get; set; } = 4;
}
