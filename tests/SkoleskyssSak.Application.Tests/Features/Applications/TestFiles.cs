namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>Small files whose first bytes are those of a real PDF, PNG or JPEG (the policy looks at content only).</summary>
public static class TestFiles
{
    /// <summary>A structurally valid PDF (it passes qpdf --check) of exactly <paramref name="size"/> bytes.</summary>
    public static byte[] Pdf(int size = 2048) => SkoleskyssSak.Testing.TestPdfs.Minimal(size);

    public static byte[] Png(int size = 2048) => WithPrefix([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Jpeg(int size = 2048) => WithPrefix([0xFF, 0xD8, 0xFF, 0xE0], size);

    /// <summary>A Windows executable's header: refused whatever it is called.</summary>
    public static byte[] Executable() => WithPrefix("MZ"u8, 512);

    private static byte[] WithPrefix(ReadOnlySpan<byte> prefix, int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        prefix.CopyTo(bytes);
        return bytes;
    }
}
