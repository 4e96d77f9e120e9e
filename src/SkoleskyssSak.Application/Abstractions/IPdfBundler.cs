namespace SkoleskyssSak.Application.Abstractions;

/// <summary>Counts and merges PDF files (the appeal body's case file as one bundle, issue 6).</summary>
public interface IPdfBundler
{
    Task<int> CountPagesAsync(byte[] pdf, CancellationToken cancellationToken);

    /// <summary>The files one after another, in order, as one PDF.</summary>
    Task<byte[]> MergeAsync(IReadOnlyList<byte[]> pdfs, CancellationToken cancellationToken);

    /// <summary>Draws the pages of <paramref name="overlay"/> on top of the corresponding pages of <paramref name="pdf"/>.</summary>
    Task<byte[]> OverlayAsync(byte[] pdf, byte[] overlay, CancellationToken cancellationToken);
}
