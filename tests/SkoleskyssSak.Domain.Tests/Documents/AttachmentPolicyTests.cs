using System.Security.Cryptography;
using System.Text;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Domain.Tests.Documents;

/// <summary>Issue 4: PDF, JPEG, PNG only, by content; at most 10 MB each and 5 files; stored with SHA-256.</summary>
public sealed class AttachmentPolicyTests
{
    private static readonly byte[] PdfFile = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    private static readonly byte[] JpegFile = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] PngFile = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    public static TheoryData<byte[], AttachmentType> Accepted => new()
    {
        { PdfFile, AttachmentType.Pdf },
        { JpegFile, AttachmentType.Jpeg },
        { PngFile, AttachmentType.Png },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_type_is_read_from_the_content_and_the_SHA256_is_computed(byte[] content, AttachmentType type)
    {
        var check = AttachmentPolicy.Check(content, alreadyAttached: 0);
        Assert.True(check.IsAccepted);
        Assert.Equal(type, check.Type);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), check.Sha256);
    }

    public static TheoryData<byte[], string> NotAccepted => new()
    {
        { Encoding.ASCII.GetBytes("MZ\x90\0 an executable renamed to bilde.png"), "exe" },
        { Encoding.ASCII.GetBytes("GIF89a......"), "gif" },
        { Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "html" },
        { Encoding.ASCII.GetBytes("PK\x03\x04 docx is a zip"), "docx" },
        { Encoding.ASCII.GetBytes(" %PDF-1.7 leading space"), "pdf not at start" },
        { [0x89, 0x50, 0x4E, 0x47], "truncated png signature" },
        { [0xFF, 0xD8], "truncated jpeg signature" },
    };

    [Theory]
    [MemberData(nameof(NotAccepted))]
    public void Other_content_is_refused_whatever_it_is_called(byte[] content, string what)
    {
        var check = AttachmentPolicy.Check(content, alreadyAttached: 0);
        Assert.False(check.IsAccepted, what);
        Assert.Equal(AttachmentRefusal.UnsupportedType, check.Refusal);
    }

    [Fact]
    public void An_empty_file_is_refused() =>
        Assert.Equal(AttachmentRefusal.Empty, AttachmentPolicy.Check([], 0).Refusal);

    [Theory]
    [InlineData(AttachmentPolicy.MaxBytes, true)]
    [InlineData(AttachmentPolicy.MaxBytes + 1, false)]
    public void At_most_10_MB_per_file(long size, bool accepted)
    {
        var content = new byte[size];
        PdfFile.CopyTo(content, 0);
        var check = AttachmentPolicy.Check(content, 0);
        Assert.Equal(accepted, check.IsAccepted);
        if (!accepted)
        {
            Assert.Equal(AttachmentRefusal.TooLarge, check.Refusal);
        }
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void At_most_5_files(int alreadyAttached, bool accepted)
    {
        var check = AttachmentPolicy.Check(PdfFile, alreadyAttached);
        Assert.Equal(accepted, check.IsAccepted);
        if (!accepted)
        {
            Assert.Equal(AttachmentRefusal.TooManyFiles, check.Refusal);
        }
    }

    [Theory]
    [InlineData(AttachmentType.Pdf, "application/pdf")]
    [InlineData(AttachmentType.Jpeg, "image/jpeg")]
    [InlineData(AttachmentType.Png, "image/png")]
    public void The_stored_content_type_follows_the_detected_type(AttachmentType type, string contentType) =>
        Assert.Equal(contentType, AttachmentPolicy.ContentType(type));
}
