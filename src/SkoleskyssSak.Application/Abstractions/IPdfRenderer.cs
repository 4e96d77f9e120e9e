namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Prints an HTML document to an accessible (tagged) PDF: A4, outline from the headings, the document's
/// <c>lang</c> as the PDF's /Lang, and a footer with page numbers ("Side 1 av 2").
/// </summary>
public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken cancellationToken);
}

/// <param name="Html">A complete HTML document with <c>&lt;html lang="nb"&gt;</c> or <c>"nn"</c>.</param>
/// <param name="FooterLabel">Text left in the footer, e.g. the case number.</param>
/// <param name="PageWord">"Side" in Bokmål and Nynorsk alike.</param>
/// <param name="OfWord">"av" (Bokmål and Nynorsk).</param>
/// <param name="FooterPageNumbers">False for a part of a bundle, which is numbered as a whole afterwards.</param>
/// <param name="HeaderLabel">When set, the top margin shows it with "Side n av m" (the numbering overlay of a bundle).</param>
public sealed record PdfDocumentRequest(string Html, string FooterLabel = "", string PageWord = "Side", string OfWord = "av", bool FooterPageNumbers = true, string? HeaderLabel = null);
