using System.Text;
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
/// poppler-utils and qpdf, as a reader would get them.
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
        using var file = new TempFile(pdf);

        var text = await Cli.RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file.Path, "-");
        var pages = text.Split('\f', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, pages.Length);
        Assert.Contains("Vedtak om gratis skoleskyss", pages[0], StringComparison.Ordinal);
        Assert.Contains("æøå ÆØÅ", pages[0], StringComparison.Ordinal);
        Assert.Contains("Særlig farlig for 1.–4. trinn", pages[0], StringComparison.Ordinal);
        Assert.Contains("Side 1 av 2", pages[0], StringComparison.Ordinal);
        Assert.Contains("2026/00042", pages[0], StringComparison.Ordinal);
        Assert.Contains("Klagerett", pages[1], StringComparison.Ordinal);
        Assert.Contains("Side 2 av 2", pages[1], StringComparison.Ordinal);
        Assert.Contains("2026/00042", pages[1], StringComparison.Ordinal);

        var info = await Cli.RunAsync("pdfinfo", file.Path);
        // pdfinfo 22.12 pads every label to 17 columns ("Custom Metadata: " is the longest).
        var infoLines = info.Split('\n');
        Assert.True(infoLines.Contains("Tagged:          yes"), info);
        Assert.True(infoLines.Contains("Pages:           2"), info);
        Assert.True(infoLines.Contains("Title:           Vedtak om skoleskyss"), info);
        Assert.True(infoLines.Any(line => line.StartsWith("Page size:", StringComparison.Ordinal) && line.EndsWith("(A4)", StringComparison.Ordinal)), info);

        // The document language and the outline (bookmarks from h1/h2) live in the catalog.
        var catalog = await UncompressedAsync(file.Path);
        Assert.Contains("/Lang (nb)", catalog, StringComparison.Ordinal);
        Assert.Contains("/Outlines", catalog, StringComparison.Ordinal);
        Assert.Contains("/StructTreeRoot", catalog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_label_is_printed_as_text_not_as_markup()
    {
        var pdf = await chromium.Renderer.RenderAsync(
            new PdfDocumentRequest("<html lang=\"nn\"><body><p>Kort brev</p></body></html>", FooterLabel: "<b>Sak</b> 2026/7 & co"),
            CancellationToken.None);
        using var file = new TempFile(pdf);

        var text = await Cli.RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file.Path, "-");
        Assert.Contains("<b>Sak</b> 2026/7 & co", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 1", text, StringComparison.Ordinal);
        Assert.Contains("/Lang (nn)", await UncompressedAsync(file.Path), StringComparison.Ordinal);
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
            using var file = new TempFile(pdfs[i - 1]);
            var text = await Cli.RunAsync("pdftotext", "-layout", "-enc", "UTF-8", file.Path, "-");
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

    /// <summary>The PDF with its object streams unpacked (qpdf --qdf), so dictionaries can be searched as text.</summary>
    private static async Task<string> UncompressedAsync(string path)
    {
        var output = path + ".qdf";
        try
        {
            await Cli.RunAsync("qpdf", "--qdf", "--object-streams=disable", path, output);
            return Encoding.Latin1.GetString(await File.ReadAllBytesAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(byte[] content)
        {
            Assert.True(content.AsSpan().StartsWith("%PDF-"u8), "Not a PDF.");
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ssk-pdf-{Guid.NewGuid():N}.pdf");

        public void Dispose() => File.Delete(Path);
    }
}
