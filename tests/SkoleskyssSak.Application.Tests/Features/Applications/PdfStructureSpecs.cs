using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// Issue 10 item 5: an uploaded PDF is checked by its structure when it is received (qpdf), not only by "%PDF-": a file
/// that cannot be read, or a PDF with JavaScript or embedded files, gets a clear message and is not stored.
/// </summary>
public sealed class PdfStructureSpecs
{
    [Fact]
    public async Task A_file_that_only_starts_like_a_PDF_is_refused_with_a_message_and_not_stored()
    {
        await using var app = await CreateAsync("pdf_fake");
        var draft = await app.StartAsync();

        var invalid = ResultAssert.Fails<Failure.Invalid>(await AttachmentSpecs.AddAsync(app, draft, "brev.pdf", TestPdfs.Fake()));

        Assert.StartsWith("PDF-fila kan ikke leses", Assert.Single(invalid.Errors["File"]), StringComparison.Ordinal);
        await using var db = app.Db();
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == draft));
    }

    [Fact]
    public async Task A_PDF_with_JavaScript_or_an_embedded_file_is_refused()
    {
        await using var app = await CreateAsync("pdf_active");
        var draft = await app.StartAsync();

        foreach (var pdf in new[] { TestPdfs.WithJavaScript(), TestPdfs.WithEmbeddedFile() })
        {
            var invalid = ResultAssert.Fails<Failure.Invalid>(await AttachmentSpecs.AddAsync(app, draft, "skjema.pdf", pdf));
            Assert.StartsWith("PDF-fila inneholder skript eller innebygde filer", Assert.Single(invalid.Errors["File"]), StringComparison.Ordinal);
        }

        await using var db = app.Db();
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == draft));
    }

    [Fact]
    public async Task A_file_name_with_a_right_to_left_override_is_stored_without_it()
    {
        await using var app = await CreateAsync("pdf_bidi");
        var draft = await app.StartAsync();

        ResultAssert.Ok(await AttachmentSpecs.AddAsync(app, draft, "faktura\u202Efdp.exe", TestPdfs.Minimal()));

        await using var db = app.Db();
        Assert.Equal("fakturafdp.exe.pdf", (await db.Documents.SingleAsync(d => d.CaseId == draft)).FileName);
    }
}
