namespace SkoleskyssSak.Application.Abstractions;

/// <summary>Counts and merges PDF files (the appeal body's case file as one bundle, issue 6).</summary>
public interface IPdfBundler
{
    Task<int> CountPagesAsync(byte[] pdf, CancellationToken cancellationToken);

    /// <summary>The files one after another, in order, as one PDF.</summary>
    Task<byte[]> MergeAsync(IReadOnlyList<byte[]> pdfs, CancellationToken cancellationToken);

    /// <summary>Draws the pages of <paramref name="overlay"/> on top of the corresponding pages of <paramref name="pdf"/>.</summary>
    Task<byte[]> OverlayAsync(byte[] pdf, byte[] overlay, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the file is a PDF that can be read and merged (its structure checked, not only its first bytes), and
    /// whether it carries active content (JavaScript, launch actions, embedded files). Never throws for a bad file.
    /// </summary>
    Task<PdfInspection> InspectAsync(byte[] pdf, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IPdfBundler.InspectAsync"/>.</summary>
/// <param name="Readable">The structure holds (a cross-reference table, a /Root, at least one page).</param>
/// <param name="HasActiveContent">JavaScript, a launch action or embedded files: refused from parents, left out of bundles.</param>
public sealed record PdfInspection(bool Readable, bool HasActiveContent)
{
    /// <summary>Safe to merge into a bundle.</summary>
    public bool Mergeable => Readable && !HasActiveContent;
}
