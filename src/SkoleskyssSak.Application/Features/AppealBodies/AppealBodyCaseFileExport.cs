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

/// <summary>A file to download: its name, content type and bytes.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The appeal body's copy of the file (fvl. § 33: it reads everything the municipality had): one PDF with a cover, a table
/// of contents with the page each document starts on, every document converted to PDF; or a ZIP of the originals with a
/// manifest (name, kind, date, SHA-256). Shared by the two export queries, which the pipeline records as reads
/// (ICaseRead); this never writes.
/// </summary>
internal sealed class AppealBodyCaseFileExport(IApplicationDbContext db, IPdfRenderer pdf, IPdfBundler bundler)
{
    /// <param name="kindName">The document kind as the reader's page names it (the web's texts); the enum name otherwise.</param>
    public async Task<ExportedFile?> BundleAsync(IAppealBodyCaseFileExport query, Func<CaseDocumentKind, string>? kindName, CancellationToken cancellationToken)
    {
        if (await LoadAsync(query, cancellationToken) is not { } file)
        {
            return null;
        }

        var language = file.Language;
        var footer = CaseTexts.Format("BundleFooter", language, file.CaseNumber);

        // First what the forwarding letter says the file holds but is not a stored document (issue 11): the søknad as it
        // was submitted, and the municipality's objective and subjective assessment with its site inspections. Then
        // every document: decisions and letters, the appeal, comments, the forwarding letter, attachments.
        var entries = new List<(string Label, string Date, bool NotMerged)>();
        var parts = new List<byte[]>();
        foreach (var (label, date, html) in await RecordsAsync(query.CaseId, file, cancellationToken))
        {
            entries.Add((label, date, false));
            parts.Add(await pdf.RenderAsync(new PdfDocumentRequest(html, footer, FooterPageNumbers: false), cancellationToken));
        }

        for (var i = 0; i < file.Documents.Count; i++)
        {
            var (document, content) = file.Documents[i];
            var label = $"{kindName?.Invoke(document.Kind) ?? document.Kind.ToString()}: {document.FileName}";
            if (document.ContentType == "application/pdf" && !(await bundler.InspectAsync(content, cancellationToken)).Mergeable)
            {
                // A stored PDF that cannot be merged (damaged, or with scripts or embedded files) never breaks the bundle:
                // a page in its place says so, and the original is in the ZIP under the same number (issue 10).
                entries.Add((label, Day(document.AddedAt), true));
                parts.Add(await NotMergedNoteAsync(document, i, language, footer, cancellationToken));
                continue;
            }

            entries.Add((label, Day(document.AddedAt), false));
            parts.Add(await AsPdfAsync(document, content, language, footer, cancellationToken));
        }

        var pageCounts = new List<int>();
        foreach (var part in parts)
        {
            pageCounts.Add(await bundler.CountPagesAsync(part, cancellationToken));
        }

        // The contents pages come first: render once to know how many they are, then with the real start pages.
        var cover = await pdf.RenderAsync(new PdfDocumentRequest(CoverHtml(file, entries, pageCounts, 1), footer, FooterPageNumbers: false), cancellationToken);
        var coverPages = await bundler.CountPagesAsync(cover, cancellationToken);
        if (coverPages != 1)
        {
            cover = await pdf.RenderAsync(new PdfDocumentRequest(CoverHtml(file, entries, pageCounts, coverPages), footer, FooterPageNumbers: false), cancellationToken);
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

    public async Task<ExportedFile?> ZipAsync(IAppealBodyCaseFileExport query, CancellationToken cancellationToken)
    {
        if (await LoadAsync(query, cancellationToken) is not { } file)
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

    private async Task<CaseFileExport?> LoadAsync(IAppealBodyCaseFileExport query, CancellationToken cancellationToken)
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
        var note = CaseTexts.Format("BundleDocumentNotMerged", language, document.FileName, $"{index + 1:D2}");
        var html = Page(language, document.FileName, $"<h1 style=\"font-size:14pt\">{Encode(document.FileName)}</h1><p>{Encode(note)}</p>");
        return await pdf.RenderAsync(new PdfDocumentRequest(html, footer, FooterPageNumbers: false), cancellationToken);
    }

    private static string CoverHtml(CaseFileExport file, List<(string Label, string Date, bool NotMerged)> entries, List<int> pageCounts, int coverPages)
    {
        var language = file.Language;
        var rows = new StringBuilder();
        var page = coverPages + 1;
        for (var i = 0; i < entries.Count; i++)
        {
            var mark = entries[i].NotMerged ? " " + Encode(CaseTexts.Get("BundleNotMergedMark", language)) : string.Empty;
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{Encode(entries[i].Label)}{mark}</td><td>{entries[i].Date}</td><td>{Encode(CaseTexts.Get("BundlePage", language))} {page}</td></tr>");
            page += pageCounts[i];
        }

        var title = CaseTexts.Format("BundleTitle", language, file.CaseNumber);
        return Page(language, title, $"""
            <h1 style="font-size:18pt">{Encode(title)}</h1>
            <p>{Encode(file.MunicipalityName)}</p>
            <h2 style="font-size:14pt">{Encode(CaseTexts.Get("BundleContents", language))}</h2>
            <table style="border-collapse:collapse;width:100%"><tbody>{rows}</tbody></table>
            """);
    }

    /// <summary>
    /// The records of the case that are data, not stored documents, as printable pages: the søknad as submitted (no
    /// fødselsnummer) and the assessment (Features/Assessments: each leg with its rows, site inspections, departure,
    /// subjective notes and conclusion) — so the bundle holds what the forwarding letter says it does.
    /// </summary>
    private async Task<IReadOnlyList<(string Label, string Date, string Html)>> RecordsAsync(Guid caseId, CaseFileExport file, CancellationToken cancellationToken)
    {
        var language = file.Language;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == caseId, cancellationToken)).Content;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var submitted = CaseSubmission.SubmittedAt(@case) ?? @case.CreatedAt;
        var received = NorwegianTime.Today(submitted).ToString("d.M.yyyy", CultureInfo.InvariantCulture);

        static string Items(IEnumerable<string> items) => "<ul>" + string.Concat(items.Select(i => $"<li>{Encode(i)}</li>")) + "</ul>";
        static string Para(string text) => $"<p style=\"white-space:pre-wrap\">{Encode(text)}</p>";
        var application = new StringBuilder();
        var title = T("BundleApplicationTitle", received);
        application.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:16pt\">{Encode(title)}</h1>");
        if (form.Child is { } child)
        {
            application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationChild"))}</h2>");
            application.Append(Items([child.Name, T("BundleApplicationGrade", child.Grade), school ?? "–", T("BundleApplicationSchoolYear", child.SchoolYearStart, child.SchoolYearStart + 1)]));
        }

        application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationGuardians"))}</h2>");
        application.Append(Items(form.Guardians.Select(g => string.Join(", ", new[] { g.Name, g.Email, g.Phone }.Where(v => !string.IsNullOrWhiteSpace(v))))));
        application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationHomes"))}</h2>");
        application.Append(Items(form.Homes.Select(h => T("BundleApplicationHome", h.Address, h.PostalCode, h.Place, h.WalkingDistanceKm))));
        application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationRoute"))}</h2>");
        application.Append(Items(form.Route.DefinedSegmentIds.Select(id => T("BundleApplicationSegment", id))
            .Concat(form.Route.Legs.Select((leg, i) => T("BundleApplicationLeg", i + 1, RouteAssessments.AssessmentExplainer.Describe(leg, language))))));
        application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationReasons"))}</h2>");
        application.Append(Para(form.Reasons.Text ?? "–"));
        foreach (var (factor, note) in form.Reasons.Factors)
        {
            application.Append(Para($"{T("Factor_" + factor)}: {note}"));
        }

        application.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:13pt\">{Encode(T("BundleApplicationPeriod"))}</h2>");
        application.Append(Para(T("BundleApplicationPeriod_" + form.Period)));
        var records = new List<(string, string, string)> { (T("BundleApplicationLabel"), Day(submitted), Page(language, title, application.ToString())) };

        var assessment = await db.CaseAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId, cancellationToken);
        var summary = assessment is null ? null : Assessments.AssessmentReads.Summarize(assessment, language);
        var assessmentTitle = T("BundleAssessmentTitle");
        IReadOnlyList<string> paragraphs = summary is null ? [T("BundleAssessmentNone")] : Decisions.DecisionLetters.AssessmentParagraphs(summary, language);
        records.Add((T("BundleAssessmentLabel"), Day(assessment?.UpdatedAt ?? submitted), Page(language, assessmentTitle, $"<h1 style=\"font-size:16pt\">{Encode(assessmentTitle)}</h1>{string.Concat(paragraphs.Select(Para))}")));
        return records;
    }

    private static string Page(Domain.Municipalities.LanguageForm language, string title, string body) =>
        $"<!DOCTYPE html><html lang=\"{(language == Domain.Municipalities.LanguageForm.Nynorsk ? "nn" : "nb")}\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body style=\"font-family:sans-serif;font-size:11pt\">{body}</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Day(DateTimeOffset at) => NorwegianTime.Today(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string FileNamePart(string caseNumber) => caseNumber.Replace('/', '-');

    private sealed record CaseFileExport(string CaseNumber, string MunicipalityName, Domain.Municipalities.LanguageForm Language, IReadOnlyList<(CaseDocument Document, byte[] Content)> Documents);
}

/// <summary>Which case file to export, for which body.</summary>
internal interface IAppealBodyCaseFileExport
{
    Guid CaseId { get; }

    string BodyCode { get; }
}
