using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Domain.Tests.Documents;

/// <summary>Issue 10 item 5: file names lose control and bidirectional characters, so what is shown is what the file is called.</summary>
public sealed class FileNameInvisibleCharactersTests
{
    [Theory]
    [InlineData("faktura\u202Efdp.exe", AttachmentType.Pdf, "fakturafdp.exe.pdf")]
    [InlineData("a\u202Db\u202Ac\u2066d\u2069.pdf", AttachmentType.Pdf, "abcd.pdf")]
    [InlineData("null\u0000byte\u200B.png", AttachmentType.Png, "nullbyte.png")]
    [InlineData("linje\u2028skift.jpg", AttachmentType.Jpeg, "linjeskift.jpg")]
    [InlineData("\u202E\u200F", AttachmentType.Pdf, "vedlegg.pdf")]
    public void Bidirectional_and_invisible_characters_are_removed(string uploaded, AttachmentType type, string stored) =>
        Assert.Equal(stored, CaseDocument.SafeFileName(uploaded, type));

    [Fact]
    public void Norwegian_letters_and_ordinary_punctuation_stay() =>
        Assert.Equal("Søknad – legeerklæring (å).pdf", CaseDocument.SafeFileName("Søknad – legeerklæring (å).pdf", AttachmentType.Pdf));
}
