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
public sealed record PdfDocumentRequest(string Html, string FooterLabel = "", string PageWord = "Side", string OfWord = "av");
