using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The whole case file of a case forwarded to the member's body, as one file to download.</summary>
/// <param name="KindName">The document kind as the reader's page names it (the web's texts); the enum name otherwise.</param>
public sealed record ExportAppealBodyCaseFileQuery(Guid CaseId, string BodyCode, Func<CaseDocumentKind, string>? KindName = null);

public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The appeal body's copy of the file (fvl. § 33: it reads everything the municipality had): one PDF with a cover, a table
/// of contents with the page each document starts on, every document converted to PDF; or a ZIP of the originals with a
/// manifest (name, kind, date, SHA-256). Each export is audited.
/// </summary>
public sealed class ExportAppealBodyCaseFileHandler(IApplicationDbContext db, IAuditTrail audit, IPdfRenderer pdf, IPdfBundler bundler)
{
    public async Task<ExportedFile?> BundleAsync(ExportAppealBodyCaseFileQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await LoadAsync(query, "CaseFileBundleExported", cancellationToken) is not { } file)
        {
            return null;
        }

        var language = file.Language;
        var footer = ApplicationTexts.Format("BundleFooter", language, file.CaseNumber);
        var parts = new List<byte[]>();
        var notMerged = new HashSet<int>();
        for (var i = 0; i < file.Documents.Count; i++)
        {
            var (document, content) = file.Documents[i];
            if (document.ContentType == "application/pdf" && !(await bundler.InspectAsync(content, cancellationToken)).Mergeable)
            {
                // A stored PDF that cannot be merged (damaged, or with scripts or embedded files) never breaks the bundle:
                // a page in its place says so, and the original is in the ZIP under the same number (issue 10).
                notMerged.Add(i);
                parts.Add(await NotMergedNoteAsync(document, i, language, footer, cancellationToken));
                continue;
            }

            parts.Add(await AsPdfAsync(document, content, language, footer, cancellationToken));
        }

        var pageCounts = new List<int>();
        foreach (var part in parts)
        {
            pageCounts.Add(await bundler.CountPagesAsync(part, cancellationToken));
        }

        // The contents pages come first: render once to know how many they are, then with the real start pages.
        var cover = await pdf.RenderAsync(new PdfDocumentRequest(CoverHtml(file, query.KindName, pageCounts, 1, notMerged), footer, FooterPageNumbers: false), cancellationToken);
        var coverPages = await bundler.CountPagesAsync(cover, cancellationToken);
        if (coverPages != 1)
        {
            cover = await pdf.RenderAsync(new PdfDocumentRequest(CoverHtml(file, query.KindName, pageCounts, coverPages, notMerged), footer, FooterPageNumbers: false), cancellationToken);
        }

        var merged = await bundler.MergeAsync([cover, .. parts], cancellationToken);

        // One numbering for the whole file, in the top margin of every page (the parts' own footers keep theirs): blank
        // pages carrying only "Saksmappe 2026/00001 – Side n av m", drawn over the merged file.
        var total = coverPages + pageCounts.Sum();
        var blank = string.Concat(Enumerable.Range(0, total).Select(i => i < total - 1 ? "<div style=\"break-after:page\">&#160;</div>" : "<div>&#160;</div>"));
        var numbers = await pdf.RenderAsync(new PdfDocumentRequest(Page(language, footer, blank), string.Empty, FooterPageNumbers: false, HeaderLabel: footer), cancellationToken);
        var bundle = await bundler.OverlayAsync(merged, numbers, cancellationToken);
        return new ExportedFile($"saksdokumenter-{FileNamePart(file.CaseNumber)}.pdf", "application/pdf", bundle);
    }

    public async Task<ExportedFile?> ZipAsync(ExportAppealBodyCaseFileQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (await LoadAsync(query, "CaseFileZipExported", cancellationToken) is not { } file)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifest = new StringBuilder("file;kind;date;sha256\n");
            for (var i = 0; i < file.Documents.Count; i++)
            {
                var (document, content) = file.Documents[i];
                var name = $"{i + 1:D2}-{CaseDocument.WithoutInvisibleCharacters(document.FileName)}";
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await stream.WriteAsync(content, cancellationToken);
                }

                manifest.Append(CultureInfo.InvariantCulture, $"{name};{document.Kind};{Day(document.AddedAt)};{document.Sha256}\n");
            }

            var manifestEntry = zip.CreateEntry("manifest.csv", CompressionLevel.Optimal);
            await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
            await manifestStream.WriteAsync(Encoding.UTF8.GetBytes(manifest.ToString()), cancellationToken);
        }

        return new ExportedFile($"saksdokumenter-{FileNamePart(file.CaseNumber)}.zip", "application/zip", buffer.ToArray());
    }

    private async Task<CaseFileExport?> LoadAsync(ExportAppealBodyCaseFileQuery query, string auditAction, CancellationToken cancellationToken)
    {
        var @case = await AppealBodyAccess.CasesOf(db, query.BodyCode).AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return null;
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == query.CaseId).OrderBy(d => d.AddedAt).ThenBy(d => d.FileName)
            .Join(db.DocumentContents.AsNoTracking(), d => d.Id, c => c.DocumentId, (d, c) => new { Document = d, c.Content })
            .ToListAsync(cancellationToken);
        audit.Record(auditAction, ApplicationAccess.AuditObjectType, query.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new CaseFileExport(@case.CaseNumber.ToString()!, municipality.Name + " kommune", municipality.LanguageForm, documents.Select(d => (d.Document, d.Content)).ToList());
    }

    private async Task<byte[]> AsPdfAsync(CaseDocument document, byte[] content, Domain.Municipalities.LanguageForm language, string footer, CancellationToken cancellationToken)
    {
        if (document.ContentType == "application/pdf")
        {
            return content;
        }

        var body = document.ContentType is "image/jpeg" or "image/png"
            ? $"<img alt=\"{Encode(document.FileName)}\" style=\"max-width:100%;max-height:25cm\" src=\"data:{document.ContentType};base64,{Convert.ToBase64String(content)}\">"
            : $"<pre style=\"white-space:pre-wrap;font-family:sans-serif\">{Encode(Encoding.UTF8.GetString(content))}</pre>";
        var html = Page(language, document.FileName, $"<h1 style=\"font-size:14pt\">{Encode(document.FileName)}</h1>{body}");
        return await pdf.RenderAsync(new PdfDocumentRequest(html, footer, FooterPageNumbers: false), cancellationToken);
    }

    /// <summary>The page in place of a document that could not be merged: its name, why, and its number in the ZIP.</summary>
    private async Task<byte[]> NotMergedNoteAsync(CaseDocument document, int index, Domain.Municipalities.LanguageForm language, string footer, CancellationToken cancellationToken)
    {
        var note = ApplicationTexts.Format("BundleDocumentNotMerged", language, document.FileName, $"{index + 1:D2}");
        var html = Page(language, document.FileName, $"<h1 style=\"font-size:14pt\">{Encode(document.FileName)}</h1><p>{Encode(note)}</p>");
        return await pdf.RenderAsync(new PdfDocumentRequest(html, footer, FooterPageNumbers: false), cancellationToken);
    }

    private static string CoverHtml(CaseFileExport file, Func<CaseDocumentKind, string>? kindName, List<int> pageCounts, int coverPages, HashSet<int> notMerged)
    {
        var language = file.Language;
        var rows = new StringBuilder();
        var page = coverPages + 1;
        for (var i = 0; i < file.Documents.Count; i++)
        {
            var document = file.Documents[i].Document;
            var mark = notMerged.Contains(i) ? " " + Encode(ApplicationTexts.Get("BundleNotMergedMark", language)) : string.Empty;
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{Encode(kindName?.Invoke(document.Kind) ?? document.Kind.ToString())}: {Encode(document.FileName)}{mark}</td><td>{Day(document.AddedAt)}</td><td>{Encode(ApplicationTexts.Get("BundlePage", language))} {page}</td></tr>");
            page += pageCounts[i];
        }

        var title = ApplicationTexts.Format("BundleTitle", language, file.CaseNumber);
        return Page(language, title, $"""
            <h1 style="font-size:18pt">{Encode(title)}</h1>
            <p>{Encode(file.MunicipalityName)}</p>
            <h2 style="font-size:14pt">{Encode(ApplicationTexts.Get("BundleContents", language))}</h2>
            <table style="border-collapse:collapse;width:100%"><tbody>{rows}</tbody></table>
            """);
    }

    private static string Page(Domain.Municipalities.LanguageForm language, string title, string body) =>
        $"<!DOCTYPE html><html lang=\"{(language == Domain.Municipalities.LanguageForm.Nynorsk ? "nn" : "nb")}\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body style=\"font-family:sans-serif;font-size:11pt\">{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Day(DateTimeOffset at) => NorwegianTime.Today(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileNamePart(string caseNumber) => caseNumber.Replace('/', '-');

    private sealed record CaseFileExport(string CaseNumber, string MunicipalityName, Domain.Municipalities.LanguageForm Language, IReadOnlyList<(CaseDocument Document, byte[] Content)> Documents);
}
