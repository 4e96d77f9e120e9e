using SkoleskyssSak.Infrastructure.Documents;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Documents;

/// <summary>Issue 10 item 5: a PDF is judged by its structure (qpdf), not by its first five bytes, and active content is found.</summary>
public sealed class PdfInspectionTests
{
    private readonly QpdfBundler qpdf = new();

    [Fact]
    public async Task A_valid_PDF_is_readable_and_mergeable()
    {
        var inspection = await qpdf.InspectAsync(TestPdfs.Minimal(4096), CancellationToken.None);
        Assert.True(inspection.Readable);
        Assert.False(inspection.HasActiveContent);
        Assert.True(inspection.Mergeable);
    }

    [Fact]
    public async Task A_file_that_only_starts_like_a_PDF_is_not_readable_and_does_not_throw()
    {
        var inspection = await qpdf.InspectAsync(TestPdfs.Fake(), CancellationToken.None);
        Assert.False(inspection.Readable);
        Assert.False(inspection.Mergeable);
        await Assert.ThrowsAsync<InvalidOperationException>(() => qpdf.MergeAsync([TestPdfs.Minimal(), TestPdfs.Fake()], CancellationToken.None));
    }

    [Fact]
    public async Task JavaScript_and_embedded_files_are_active_content()
    {
        Assert.True((await qpdf.InspectAsync(TestPdfs.WithJavaScript(), CancellationToken.None)).HasActiveContent);
        Assert.True((await qpdf.InspectAsync(TestPdfs.WithEmbeddedFile(), CancellationToken.None)).HasActiveContent);
        Assert.False((await qpdf.InspectAsync(TestPdfs.WithJavaScript(), CancellationToken.None)).Mergeable);
    }
}
