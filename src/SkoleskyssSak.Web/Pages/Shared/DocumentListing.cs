using System.Globalization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>How documents are shown in lists: sizes in kB/MB with a Norwegian decimal comma.</summary>
public static class DocumentListing
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static string Size(long bytes) => bytes < 1024 * 1024
        ? Math.Max(1, (int)Math.Round(bytes / 1024d)).ToString(Norwegian) + " kB"
        : (bytes / (1024d * 1024d)).ToString("0.0", Norwegian) + " MB";

    /// <summary>The download address of a document of a case, for its parties.</summary>
    public static string Url(Guid caseId, Guid documentId) => $"/mine-saker/{caseId}/dokument/{documentId}";
}
