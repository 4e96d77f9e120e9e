using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Domain.Tests.Documents;

/// <summary>A stored document has a safe name with the extension of its real type, and a request is answered once.</summary>
public sealed class CaseDocumentSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("bilde.png", AttachmentType.Png, "bilde.png")]
    [InlineData("BILDE.PNG", AttachmentType.Png, "BILDE.PNG")]
    [InlineData("foto.jpeg", AttachmentType.Jpeg, "foto.jpeg")]
    [InlineData("foto.jpg", AttachmentType.Jpeg, "foto.jpg")]
    [InlineData("program.exe", AttachmentType.Png, "program.exe.png")]
    [InlineData(@"C:\Users\ola\Documents\brev.pdf", AttachmentType.Pdf, "brev.pdf")]
    [InlineData("../../etc/passwd", AttachmentType.Pdf, "passwd.pdf")]
    [InlineData("..hidden.pdf", AttachmentType.Pdf, "hidden.pdf")]
    [InlineData("a\"b<c>d|e:f*g?h.pdf", AttachmentType.Pdf, "abcdefgh.pdf")]
    [InlineData("line\nbreak.pdf", AttachmentType.Pdf, "linebreak.pdf")]
    [InlineData("", AttachmentType.Pdf, "vedlegg.pdf")]
    [InlineData(null, AttachmentType.Jpeg, "vedlegg.jpg")]
    public void A_file_name_keeps_no_path_or_control_characters_and_ends_in_its_real_type(string? name, AttachmentType type, string expected)
    {
        Assert.Equal(expected, CaseDocument.SafeFileName(name, type));
    }

    [Fact]
    public void A_very_long_name_is_cut_but_keeps_its_extension()
    {
        var name = CaseDocument.SafeFileName(new string('a', 500) + ".pdf", AttachmentType.Pdf);

        Assert.Equal(CaseDocument.MaxFileNameLength, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Internal_notes_are_the_only_documents_the_parties_do_not_see()
    {
        foreach (var kind in Enum.GetValues<CaseDocumentKind>())
        {
            var (document, _) = CaseDocument.ProducedText(Guid.CreateVersion7(), Guid.CreateVersion7(), kind, "x.txt", "x", false, "staff-1", Now);
            Assert.Equal(kind != CaseDocumentKind.InternalNote, document.VisibleToParties);
        }
    }

    [Fact]
    public void A_produced_text_is_stored_as_UTF8_with_its_SHA256()
    {
        var (document, content) = CaseDocument.ProducedText(Guid.CreateVersion7(), Guid.CreateVersion7(), CaseDocumentKind.InformationReply, "svar.txt", "Bildet er vedlagt – æøå.", true, "c-1", Now);

        Assert.Equal("Bildet er vedlagt – æøå.", System.Text.Encoding.UTF8.GetString(content.Content));
        Assert.Equal(CaseDocument.Hash(content.Content), document.Sha256);
        Assert.Equal(content.Content.Length, document.SizeBytes);
        Assert.True(document.Confidential);
    }

    [Fact]
    public void An_information_request_is_answered_once_and_a_late_answer_is_marked_late()
    {
        var request = InformationRequest.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), " Send bilde. ", new DateOnly(2026, 12, 7), "staff-1", Now);

        Assert.Equal("Send bilde.", request.Question);
        Assert.True(request.TryAnswer("Her er bildet.", "c-1", new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero)));
        Assert.True(request.AnsweredLate);
        Assert.False(request.TryAnswer("Igjen.", "c-1", Now));
        Assert.Equal("Her er bildet.", request.Answer);
    }

    [Fact]
    public void A_reply_deadline_before_today_is_refused()
    {
        Assert.Throws<ArgumentException>(() => InformationRequest.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), "Send bilde.", new DateOnly(2026, 11, 20), "staff-1", Now));
    }
}
