using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// Issue 4, step "attachments": PDF, JPEG, PNG by content, at most 10 MB each and 5 files, stored in PostgreSQL with
/// SHA-256; health information marked confidential; the parties see them, nobody else.
/// </summary>
public sealed class AttachmentSpecs
{
    [Fact]
    public async Task A_PDF_a_JPEG_and_a_PNG_are_stored_in_PostgreSQL_with_their_SHA256_and_real_type()
    {
        await using var app = await CreateAsync("att_store");
        var draft = await app.StartAsync();
        (string Name, byte[] Bytes, string Type)[] files =
        [
            ("legeerklæring.pdf", TestFiles.Pdf(), "application/pdf"),
            ("vegen.jpg", TestFiles.Jpeg(), "image/jpeg"),
            ("kart.png", TestFiles.Png(), "image/png"),
        ];
        foreach (var (name, bytes, _) in files)
        {
            ResultAssert.Ok(await AddAsync(app, draft, name, bytes));
        }

        await using var db = app.Db();
        var stored = await db.Documents.Where(d => d.CaseId == draft).ToDictionaryAsync(d => d.FileName);
        Assert.Equal(files.Select(f => f.Name).Order(), stored.Keys.Order());
        foreach (var file in files)
        {
            var document = stored[file.Name];
            Assert.Equal(file.Type, document.ContentType);
            var content = await db.DocumentContents.SingleAsync(c => c.DocumentId == document.Id);
            Assert.Equal(file.Bytes, content.Content);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), document.Sha256);
            Assert.Equal(file.Bytes.Length, document.SizeBytes);
            Assert.Equal(CaseDocumentKind.ApplicationAttachment, document.Kind);
            Assert.Equal(ParentA, document.AddedBy);
        }
    }

    [Theory]
    [InlineData("foto.png")]
    [InlineData("brev.pdf")]
    [InlineData("program.exe")]
    public async Task A_file_that_is_not_PDF_JPEG_or_PNG_by_content_is_refused_whatever_its_name(string name)
    {
        await using var app = await CreateAsync("att_type");
        var draft = await app.StartAsync();

        var invalid = ResultAssert.Fails<Failure.Invalid>(await AddAsync(app, draft, name, TestFiles.Executable()));

        Assert.Equal("Fila må være PDF, JPEG eller PNG. Typen blir sjekket ut fra innholdet, ikke filnavnet.", Assert.Single(invalid.Errors["File"]));
        await using var db = app.Db();
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == draft));
    }

    [Fact]
    public async Task A_PDF_named_as_text_is_accepted_and_stored_with_the_extension_of_its_real_type()
    {
        await using var app = await CreateAsync("att_rename");
        var draft = await app.StartAsync();

        ResultAssert.Ok(await AddAsync(app, draft, @"C:\Users\ola\brev.txt", TestFiles.Pdf()));

        await using var db = app.Db();
        var document = await db.Documents.SingleAsync(d => d.CaseId == draft);
        Assert.Equal("brev.txt.pdf", document.FileName);
        Assert.Equal("application/pdf", document.ContentType);
    }

    [Theory]
    [InlineData(AttachmentPolicy.MaxBytes, true)]
    [InlineData(AttachmentPolicy.MaxBytes + 1, false)]
    public async Task Ten_MB_is_the_largest_file_accepted(long size, bool accepted)
    {
        await using var app = await CreateAsync("att_size");
        var draft = await app.StartAsync();

        var result = await AddAsync(app, draft, "stor.pdf", TestFiles.Pdf((int)size));

        if (accepted)
        {
            ResultAssert.Ok(result);
        }
        else
        {
            Assert.Contains("større enn 10 MB", Assert.Single(ResultAssert.Fails<Failure.Invalid>(result).Errors["File"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_empty_file_or_no_file_gets_a_message_not_an_error()
    {
        await using var app = await CreateAsync("att_empty");
        var draft = await app.StartAsync();

        var empty = ResultAssert.Fails<Failure.Invalid>(await AddAsync(app, draft, "tom.pdf", []));
        var none = ResultAssert.Fails<Failure.Invalid>(await app.SendAsync(new AddApplicationAttachmentCommand(draft, ParentA, null)));

        Assert.Equal("Fila er tom.", Assert.Single(empty.Errors["File"]));
        Assert.Equal("Velg en fil å laste opp.", Assert.Single(none.Errors["File"]));
    }

    [Fact]
    public async Task Five_files_at_most_a_sixth_is_refused_until_one_is_removed()
    {
        await using var app = await CreateAsync("att_count");
        var draft = await app.StartAsync();
        for (var i = 0; i < AttachmentPolicy.MaxFiles; i++)
        {
            ResultAssert.Ok(await AddAsync(app, draft, $"bilde{i}.png", TestFiles.Png()));
        }

        var sixth = ResultAssert.Fails<Failure.Invalid>(await AddAsync(app, draft, "bilde5.png", TestFiles.Png()));
        Assert.Equal("Du kan legge ved høyst 5 filer.", Assert.Single(sixth.Errors["File"]));

        var first = (await app.GetAsync(draft))!.Documents[0];
        ResultAssert.Ok(await RemoveAsync(app, draft, first.DocumentId));
        ResultAssert.Ok(await AddAsync(app, draft, "bilde5.png", TestFiles.Png()));
        await using var db = app.Db();
        Assert.Equal(AttachmentPolicy.MaxFiles, await db.Documents.CountAsync(d => d.CaseId == draft));
        Assert.False(await db.DocumentContents.AnyAsync(c => c.DocumentId == first.DocumentId));
    }

    [Fact]
    public async Task On_submit_every_attachment_is_journaled_as_incoming_and_health_documents_are_confidential()
    {
        await using var app = await CreateAsync("att_journal");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);
        ResultAssert.Ok(await AddAsync(app, draft, "Kari Nordmann legeerklæring.pdf", TestFiles.Pdf(), confidential: true));
        ResultAssert.Ok(await AddAsync(app, draft, "vegen.jpg", TestFiles.Jpeg()));

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        var documents = await db.Documents.Where(d => d.CaseId == draft).ToDictionaryAsync(d => d.Id);
        var entries = await db.JournalEntries.Where(j => j.CaseId == draft && j.DocumentId != null).ToListAsync();
        Assert.Equal(documents.Keys.Order(), entries.Select(e => e.DocumentId!.Value).Order());
        Assert.All(entries, e =>
        {
            Assert.Equal(JournalEntryKind.Incoming, e.Kind);
            Assert.Equal("Vedlegg til søknad om skoleskyss – 2026/2027", e.PublicTitle);
            Assert.Equal(documents[e.DocumentId!.Value].Confidential, e.Confidential);
        });
        Assert.Contains(entries, e => e.Confidential && e.Title.Contains("legeerklæring", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Once_sent_attachments_can_be_neither_added_nor_removed()
    {
        await using var app = await CreateAsync("att_sent");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);
        ResultAssert.Ok(await AddAsync(app, draft, "vegen.jpg", TestFiles.Jpeg()));
        ResultAssert.Ok(await app.SubmitAsync(draft));
        var document = Assert.Single((await app.GetAsync(draft))!.Documents);

        ResultAssert.Fails<Failure.Refused>(await AddAsync(app, draft, "mer.png", TestFiles.Png()));
        ResultAssert.Fails<Failure.Refused>(await RemoveAsync(app, draft, document.DocumentId));
        await using var db = app.Db();
        Assert.Equal(1, await db.Documents.CountAsync(d => d.CaseId == draft));
    }

    [Fact]
    public async Task Another_parent_can_neither_add_remove_nor_download_and_learns_nothing()
    {
        await using var app = await CreateAsync("att_other");
        var draft = await app.StartAsync();
        ResultAssert.Ok(await AddAsync(app, draft, "vegen.jpg", TestFiles.Jpeg()));
        var document = Assert.Single((await app.GetAsync(draft))!.Documents);

        ResultAssert.Fails<Failure.NotFound>(await AddAsync(app, draft, "x.png", TestFiles.Png(), parent: ParentB));
        ResultAssert.Fails<Failure.NotFound>(await RemoveAsync(app, draft, document.DocumentId, ParentB));
        Assert.Null(await DownloadAsync(app, draft, document.DocumentId, ParentB));
        Assert.Null(await DownloadAsync(app, Guid.CreateVersion7(), document.DocumentId, ParentA));
        ResultAssert.Fails<Failure.NotFound>(await RemoveAsync(app, draft, Guid.CreateVersion7()));
        Assert.NotNull(await DownloadAsync(app, draft, document.DocumentId, ParentA));
    }

    [Fact]
    public async Task Parties_see_and_download_documents_but_never_internal_notes_and_every_read_is_audited()
    {
        await using var app = await CreateAsync("att_parties");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);
        var photo = TestFiles.Jpeg();
        ResultAssert.Ok(await AddAsync(app, draft, "vegen.jpg", photo));
        ResultAssert.Ok(await app.SubmitAsync(draft));
        Guid noteId;
        await using (var db = app.Db())
        {
            var (note, content) = CaseDocument.ProducedText(Guid.CreateVersion7(), draft, CaseDocumentKind.InternalNote, "notat.txt", "Intern vurdering", false, "staff-1", Now);
            db.Documents.Add(note);
            db.DocumentContents.Add(content);
            await db.SaveChangesAsync();
            noteId = note.Id;
        }

        var otherGuardian = app.PseudonymOf(OtherGuardianNin);
        var seen = (await app.GetAsync(draft, otherGuardian))!.Documents;

        var document = Assert.Single(seen);
        Assert.Equal("vegen.jpg", document.FileName);
        var file = await DownloadAsync(app, draft, document.DocumentId, otherGuardian);
        Assert.Equal(photo, file!.Content);
        Assert.Equal("image/jpeg", file.ContentType);
        Assert.Null(await DownloadAsync(app, draft, noteId, ParentA));
        await using var check = app.Db();
        Assert.Contains(await check.AuditEvents.ToListAsync(), a => a.Action == "DocumentRead" && a.ObjectId == $"{draft}:{document.DocumentId}");
    }

    internal static Task<CommandResult> AddAsync(ApplicationTestApp app, Guid caseId, string name, byte[] bytes, bool confidential = false, string parent = ParentA) =>
        app.SendAsync(new AddApplicationAttachmentCommand(caseId, parent, new UploadedFile(name, bytes, confidential)));

    private static Task<CommandResult> RemoveAsync(ApplicationTestApp app, Guid caseId, Guid documentId, string parent = ParentA) =>
        app.SendAsync(new RemoveApplicationAttachmentCommand(caseId, documentId, parent));

    internal static Task<MyDocumentFile?> DownloadAsync(ApplicationTestApp app, Guid caseId, Guid documentId, string parent) =>
        app.SendAsync(new GetMyCaseDocumentQuery(caseId, documentId, parent));
}
