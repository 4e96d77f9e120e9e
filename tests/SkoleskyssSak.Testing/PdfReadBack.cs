using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace SkoleskyssSak.Testing;

/// <summary>
/// A PDF read back as its reader gets it, with PdfPig: the text of each page in reading order, and what the catalog
/// says about accessibility (tags, document language, outline) and the document's title.
/// </summary>
/// <param name="Pages">The text of each page, lines separated by line breaks.</param>
/// <param name="Tagged">The catalog has a structure tree and is marked (PDF/UA's tagged PDF).</param>
/// <param name="Language">The catalog's /Lang (e.g. "nb", "nn"), or null.</param>
/// <param name="Title">The document information's title, or null.</param>
/// <param name="HasOutline">The document has bookmarks.</param>
/// <param name="PageSizes">Each page's width and height in millimetres.</param>
public sealed record PdfReadBack(IReadOnlyList<string> Pages, bool Tagged, string? Language, string? Title, bool HasOutline, IReadOnlyList<(double Width, double Height)> PageSizes)
{
    /// <summary>All pages' text, pages separated by a form feed as pdftotext does.</summary>
    public string Text => string.Join('\f', Pages);

    public int PageCount => Pages.Count;

    /// <summary>Every page is A4 (210 × 297 mm) within half a millimetre; Chromium's A4 is a few hundredths of a point off the ISO size.</summary>
    public bool AllPagesA4 => PageSizes.All(size => Math.Abs(size.Width - 210) < 0.5 && Math.Abs(size.Height - 297) < 0.5);

    private const double MillimetresPerPoint = 25.4 / 72;

    public static PdfReadBack Read(byte[] pdf)
    {
        if (!pdf.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new InvalidOperationException("Not a PDF.");
        }

        using var document = PdfDocument.Open(pdf);
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var marked = catalog.TryGet(NameToken.MarkInfo, document.Structure.TokenScanner, out DictionaryToken? markInfo)
                     && markInfo.TryGet(NameToken.Marked, document.Structure.TokenScanner, out BooleanToken? isMarked) && isMarked.Data;
        var language = catalog.TryGet(NameToken.Lang, document.Structure.TokenScanner, out StringToken? lang) ? lang.Data : null;
        var pages = document.GetPages().ToList();
        return new PdfReadBack(
            pages.Select(page => ContentOrderTextExtractor.GetText(page)).ToList(),
            Tagged: marked && catalog.ContainsKey(NameToken.StructTreeRoot),
            language,
            string.IsNullOrEmpty(document.Information.Title) ? null : document.Information.Title,
            HasOutline: document.TryGetBookmarks(out var bookmarks) && bookmarks.Roots.Count > 0,
            pages.Select(page => (page.Width * MillimetresPerPoint, page.Height * MillimetresPerPoint)).ToList());
    }
}
