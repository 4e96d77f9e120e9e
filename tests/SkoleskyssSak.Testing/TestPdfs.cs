using System.Globalization;
using System.Text;

namespace SkoleskyssSak.Testing;

/// <summary>
/// Small but structurally valid PDFs (catalog, page tree, one A4 page, a correct cross-reference table), so that
/// uploads pass the structural check (qpdf --check), and variants with the active content that is refused.
/// </summary>
public static class TestPdfs
{
    /// <summary>A one-page PDF, padded with a comment to exactly <paramref name="size"/> bytes when that is more than its own.</summary>
    public static byte[] Minimal(int size = 0)
    {
        var pdf = Build(string.Empty, [], -1);
        if (size - pdf.Length - 2 < 0)
        {
            return pdf;
        }

        // The padding moves the cross-reference table, whose offset (startxref) then takes more digits: adjust until exact.
        var padding = size - pdf.Length - 2;
        for (var i = 0; i < 4 && pdf.Length != size; i++)
        {
            pdf = Build(string.Empty, [], padding);
            padding += size - pdf.Length;
        }

        return pdf;
    }

    /// <summary>A valid PDF whose catalog runs JavaScript when it is opened.</summary>
    public static byte[] WithJavaScript() => Build("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ", [], -1);

    /// <summary>A valid PDF carrying an embedded file.</summary>
    public static byte[] WithEmbeddedFile() => Build(
        "/Names << /EmbeddedFiles << /Names [(a.txt) 4 0 R] >> >> ",
        ["<< /Type /Filespec /F (a.txt) /EF << /F 5 0 R >> >>", "<< /Type /EmbeddedFile /Length 5 >>\nstream\nhello\nendstream"],
        -1);

    /// <summary>Starts like a PDF ("%PDF-") and is not one: no cross-reference table, no /Root.</summary>
    public static byte[] Fake() => "%PDF-1.4\n% not really a pdf\n%%EOF\n"u8.ToArray();

    private static byte[] Build(string extraCatalog, IReadOnlyList<string> extraObjects, int padding)
    {
        string[] objects =
        [
            $"<< /Type /Catalog /Pages 2 0 R {extraCatalog}>>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            .. extraObjects,
        ];
        var text = new StringBuilder("%PDF-1.7\n");
        if (padding >= 0)
        {
            text.Append('%').Append('x', padding).Append('\n');
        }

        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
