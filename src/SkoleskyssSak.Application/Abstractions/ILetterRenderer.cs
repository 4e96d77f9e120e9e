namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Lays out a letter as a complete HTML document (DESIGN.md §7: an HTML template printed to a tagged PDF). The texts
/// arrive composed and in the municipality's language form; the template only arranges them (A4, sender and
/// address blocks, case number, date, headings). The preview shows the same HTML that is printed.
/// </summary>
public interface ILetterRenderer
{
    Task<string> RenderHtmlAsync(Letter letter, CancellationToken cancellationToken);
}

/// <param name="Lang">"nb" or "nn" (the document's lang, and the PDF's /Lang).</param>
/// <param name="Sender">The municipality's name, unit and postal address, one item per line.</param>
/// <param name="Recipients">Each recipient's name and address lines.</param>
/// <param name="Facts">Reference lines under the address block, e.g. ("Saksnummer", "2026/00001").</param>
public sealed record Letter(
    string Lang,
    IReadOnlyList<string> Sender,
    IReadOnlyList<LetterRecipient> Recipients,
    IReadOnlyList<(string Label, string Value)> Facts,
    string Title,
    IReadOnlyList<LetterSection> Sections,
    IReadOnlyList<string> Signature);

public sealed record LetterRecipient(string Name, IReadOnlyList<string> Address);

public sealed record LetterSection(string Heading, IReadOnlyList<string> Paragraphs);
