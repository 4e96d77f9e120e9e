using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Documents;
using SkoleskyssSak.Infrastructure.Tests.Support;

using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Documents;

/// <summary>One Chromium for the tests of <see cref="PdfRendererTests"/> (launching it takes about a second).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public static readonly PdfOptions Settings = new() { ChromiumPath = "/usr/lib/chromium/chromium", PoolSize = 4 };

    public ChromiumPdfRenderer Renderer { get; } = new(Options.Create(Settings), NullLogger<ChromiumPdfRenderer>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Renderer.DisposeAsync();
}

/// <summary>
/// Letters are decisions under forvaltningslova and must be accessible (forskrift om universell utforming av
/// IKT, WCAG 2.1; PDF/UA needs tags and a document language): printed by real Chromium and read back with
/// PdfPig, as a reader would get them.
/// </summary>
public class PdfRendererTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const string Letter = """
        <!DOCTYPE html>
        <html lang="nb">
        <head><meta charset="utf-8"><title>Vedtak om skoleskyss</title>
        <style>body { font-family: 'Liberation Serif', serif; font-size: 12pt; } table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 2pt 6pt; }</style>
        </head>
        <body>
          <h1>Vedtak om gratis skoleskyss</h1>
          <p>Søknaden om skyss på grunn av særlig farlig skolevei er innvilget. Kjære søker: æøå ÆØÅ.</p>
          <h2>Strekninger som er vurdert</h2>
          <table>
            <thead><tr><th scope="col">Strekning</th><th scope="col">Fartsgrense</th><th scope="col">Vurdering</th></tr></thead>
            <tbody>
              <tr><td>Bygstadvegen</td><td>60 km/t</td><td>Særlig farlig for 1.–4. trinn</td></tr>
              <tr><td>Sjøvegen</td><td>80 km/t</td><td>Særlig farlig for alle trinn</td></tr>
            </tbody>
          </table>
          <h2 style="break-before: page">Klagerett</h2>
          <p>Du kan klage på vedtaket innen tre uker etter at du mottok det (forvaltningsloven § 29).</p>
        </body>
        </html>
        """;

    [Fact]
    public async Task Letter_is_a_tagged_two_page_pdf_with_footer_language_and_Norwegian_letters()
    {
        var pdf = await chromium.Renderer.RenderAsync(new PdfDocumentRequest(Letter, FooterLabel: "2026/00042"), CancellationToken.None);
        var letter = PdfReadBack.Read(pdf);

        var pages = letter.Pages;
        Assert.Equal(2, pages.Count);
        Assert.Contains("Vedtak om gratis skoleskyss", pages[0], StringComparison.Ordinal);
        Assert.Contains("æøå ÆØÅ", pages[0], StringComparison.Ordinal);
        Assert.Contains("Særlig farlig for 1.–4. trinn", pages[0], StringComparison.Ordinal);
        Assert.Contains("Side 1 av 2", pages[0], StringComparison.Ordinal);
        Assert.Contains("2026/00042", pages[0], StringComparison.Ordinal);
        Assert.Contains("Klagerett", pages[1], StringComparison.Ordinal);
        Assert.Contains("Side 2 av 2", pages[1], StringComparison.Ordinal);
        Assert.Contains("2026/00042", pages[1], StringComparison.Ordinal);

        Assert.True(letter.Tagged, "Not a tagged PDF.");
        Assert.Equal("Vedtak om skoleskyss", letter.Title);
        Assert.True(letter.AllPagesA4, string.Join(", ", letter.PageSizes));

        // The document language and the outline (bookmarks from h1/h2) live in the catalog.
        Assert.Equal("nb", letter.Language);
        Assert.True(letter.HasOutline, "No outline.");
    }

    [Fact]
    public async Task Footer_label_is_printed_as_text_not_as_markup()
    {
        var pdf = await chromium.Renderer.RenderAsync(
            new PdfDocumentRequest("<html lang=\"nn\"><body><p>Kort brev</p></body></html>", FooterLabel: "<b>Sak</b> 2026/7 & co"),
            CancellationToken.None);
        var letter = PdfReadBack.Read(pdf);

        Assert.Contains("<b>Sak</b> 2026/7 & co", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 1", letter.Text, StringComparison.Ordinal);
        Assert.Equal("nn", letter.Language);
    }

    [Fact]
    public async Task Eight_letters_at_once_share_the_page_pool_without_mixing_content()
    {
        var letters = Enumerable.Range(1, 8).Select(i => new PdfDocumentRequest(
            $"<html lang=\"nb\"><body><h1>Brev nummer {i}</h1><p>Mottakar {i}: Ærlig talt, søknaden er innvilget.</p></body></html>",
            FooterLabel: $"2026/{i:00000}"));

        var pdfs = await Task.WhenAll(letters.Select(letter => chromium.Renderer.RenderAsync(letter, CancellationToken.None)));

        for (var i = 1; i <= 8; i++)
        {
            var text = PdfReadBack.Read(pdfs[i - 1]).Text;
            Assert.Contains($"Brev nummer {i}", text, StringComparison.Ordinal);
            Assert.Contains($"2026/{i:00000}", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Enumerable.Range(1, 8).Where(other => other != i), other => text.Contains($"Brev nummer {other}", StringComparison.Ordinal));
        }

        Assert.Equal(PdfRendererStatus.Running, chromium.Renderer.Status);
        var health = await new PdfRendererHealthCheck(chromium.Renderer, Options.Create(ChromiumFixture.Settings)).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("Running", health.Data["status"]);
    }

    [Fact]
    public async Task A_letter_is_printed_from_its_HTML_alone_and_Chromium_requests_nothing_whatever_the_HTML_asks_for()
    {
        // A real server on loopback that records every HTTP request Chromium sends for the letter's references.
        // (Chromium may open a speculative connection to a referenced origin; what must never go out is a request.)
        using var server = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        server.Start();
        var origin = $"http://127.0.0.1:{((System.Net.IPEndPoint)server.LocalEndpoint).Port}";
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var readers = new System.Collections.Concurrent.ConcurrentBag<Task>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var client = await server.AcceptTcpClientAsync(stop.Token);
                    readers.Add(Task.Run(async () =>
                    {
                        using (client)
                        {
                            using var reader = new StreamReader(client.GetStream());
                            var line = await reader.ReadLineAsync(stop.Token);
                            if (!string.IsNullOrEmpty(line))
                            {
                                requests.Enqueue(line);
                            }
                        }
                    }));
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var html = $$"""
            <html lang="nb"><head>
            <link rel="stylesheet" href="{{origin}}/style.css">
            <style>@import url("{{origin}}/import.css"); @font-face { font-family: Fjern; src: url("{{origin}}/font.woff2"); }
            body { font-family: Fjern, serif; background-image: url("{{origin}}/background.png"); }</style>
            </head><body>
            <h1>Vedtak</h1><p>Lenke fra søkeren: <a href="{{origin}}/lenke">{{origin}}/lenke</a></p>
            <img src="{{origin}}/logo.png" alt="Kommunevåpen">
            <iframe src="{{origin}}/ramme"></iframe><object data="{{origin}}/objekt"></object>
            <video poster="{{origin}}/poster.png"></video>
            </body></html>
            """;
        var pdf = await chromium.Renderer.RenderAsync(new PdfDocumentRequest(html, FooterLabel: "2026/00043"), CancellationToken.None);
        var text = PdfReadBack.Read(pdf).Text;

        await Task.Delay(TimeSpan.FromMilliseconds(500)); // a request already sent has arrived by now
        await stop.CancelAsync();
        await accepting;
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.Empty(requests);
        Assert.Contains("Vedtak", text, StringComparison.Ordinal);
        Assert.Contains($"{origin}/lenke", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renderer_that_has_not_started_is_healthy_and_launches_nothing()
    {
        await using var renderer = new ChromiumPdfRenderer(Options.Create(ChromiumFixture.Settings), NullLogger<ChromiumPdfRenderer>.Instance);
        var health = await new PdfRendererHealthCheck(renderer, Options.Create(ChromiumFixture.Settings)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(PdfRendererStatus.NotStarted, renderer.Status);
    }

    [Fact]
    public async Task Missing_Chromium_fails_with_PdfRenderingException_and_a_degraded_health_check()
    {
        // Degraded, not unhealthy: letters are at risk, but applications and case work go on.
        var settings = new PdfOptions { ChromiumPath = "/nonexistent/chromium" };
        await using var renderer = new ChromiumPdfRenderer(Options.Create(settings), NullLogger<ChromiumPdfRenderer>.Instance);
        var check = new PdfRendererHealthCheck(renderer, Options.Create(settings));
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        var ex = await Assert.ThrowsAsync<PdfRenderingException>(() => renderer.RenderAsync(new PdfDocumentRequest(Letter), CancellationToken.None));
        Assert.Contains("/nonexistent/chromium", ex.Message, StringComparison.Ordinal);

        var health = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(PdfRendererStatus.Failed, renderer.Status);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Failed", health.Data["status"]);
        Assert.Equal(false, health.Data["chromiumInstalled"]);
    }
}
