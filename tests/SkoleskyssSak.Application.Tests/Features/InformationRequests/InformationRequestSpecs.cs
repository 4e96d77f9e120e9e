using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Application.Tests.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.InformationRequests;

/// <summary>
/// fvl. § 17: the caseworker asks the guardians for more information with a reply deadline; a guardian answers from
/// "Mine saker" with text and attachments, and the case returns to assessment.
/// </summary>
public sealed class InformationRequestSpecs
{
    private const string Caseworker = "staff-melhus-1";
    private const string Question = "Send oss gjerne bilder av krysset ved Gimse bru.";
    private static readonly DateOnly ReplyBy = new(2026, 12, 7);

    [Fact]
    public async Task A_request_makes_the_case_await_the_guardian_with_a_journaled_document_and_a_mail_without_the_question()
    {
        await using var app = await CreateAsync("info_request");
        var caseId = await InAssessmentAsync(app);

        ResultAssert.Ok(await RequestAsync(app, caseId));

        var seen = (await app.GetAsync(caseId))!;
        Assert.Equal(CaseState.AwaitingInformation, seen.State);
        Assert.Equal(Question, seen.OpenInformationRequest!.Question);
        Assert.Equal(ReplyBy, seen.OpenInformationRequest.ReplyBy);
        var document = Assert.Single(seen.Documents, d => d.Kind == CaseDocumentKind.InformationRequest);
        var text = System.Text.Encoding.UTF8.GetString((await AttachmentSpecs.DownloadAsync(app, caseId, document.DocumentId, ParentA))!.Content);
        Assert.Contains(Question, text, StringComparison.Ordinal);
        Assert.Contains("Svarfrist: 07.12.2026", text, StringComparison.Ordinal);

        await using var db = app.Db();
        var entry = await db.JournalEntries.SingleAsync(j => j.CaseId == caseId && j.DocumentId == document.DocumentId);
        Assert.Equal(JournalEntryKind.Outgoing, entry.Kind);
        Assert.Equal("Forespørsel om flere opplysninger – søknad om skoleskyss – 2026/2027", entry.PublicTitle);
        var mails = await db.OutboxMessages.Where(m => m.CaseId == caseId && m.Kind == "InformationRequested").ToListAsync();
        Assert.Equal(["eva@example.no", "ola@example.no"], mails.Select(m => m.Recipient).Order());
        Assert.All(mails, m =>
        {
            Assert.Contains("07.12.2026", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Gimse bru", m.Body, StringComparison.Ordinal);
        });
        var lastEvent = (await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId)).Events.OrderBy(e => e.Sequence).Last();
        Assert.Equal((CaseTrigger.RequestInformation, Caseworker, CaseActorRole.Caseworker), (lastEvent.Trigger, lastEvent.ActorId, lastEvent.ActorRole));
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == "InformationRequested" && a.ObjectId == caseId.ToString());
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_cannot_request_information_in_the_case()
    {
        await using var app = await CreateAsync("info_tenant");
        var caseId = await InAssessmentAsync(app);

        ResultAssert.Fails<Failure.NotFound>(await RequestAsync(app, caseId, municipality: "4647"));

        Assert.Equal(CaseState.InAssessment, (await app.GetAsync(caseId))!.State);
    }

    [Theory]
    [InlineData("", "2026-12-07", "Question")]
    [InlineData("   ", "2026-12-07", "Question")]
    [InlineData("Hvor går skolevegen?", "2026-11-20", "ReplyBy")]
    [InlineData("Hvor går skolevegen?", "2027-02-20", "ReplyBy")]
    public async Task A_request_needs_a_question_and_a_deadline_from_today_to_90_days_ahead(string question, string replyBy, string field)
    {
        await using var app = await CreateAsync("info_invalid");
        var caseId = await InAssessmentAsync(app);

        var invalid = ResultAssert.Fails<Failure.Invalid>(await RequestAsync(app, caseId, question, DateOnly.Parse(replyBy, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal([field], invalid.Errors.Keys);
        Assert.Equal(CaseState.InAssessment, (await app.GetAsync(caseId))!.State);
    }

    [Theory]
    [InlineData("2026-11-21")]
    [InlineData("2027-02-19")]
    public async Task The_deadline_may_be_today_or_90_days_ahead(string replyBy)
    {
        await using var app = await CreateAsync("info_edges");
        var caseId = await InAssessmentAsync(app);

        ResultAssert.Ok(await RequestAsync(app, caseId, replyBy: DateOnly.Parse(replyBy, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Information_can_only_be_requested_while_the_case_is_in_assessment()
    {
        await using var app = await CreateAsync("info_state");
        var caseId = await app.StartAsync();
        await app.FillAsync(caseId);
        ResultAssert.Ok(await app.SubmitAsync(caseId));

        ResultAssert.Fails<Failure.Refused>(await RequestAsync(app, caseId));
    }

    [Fact]
    public async Task The_guardians_answer_with_text_and_a_file_returns_the_case_to_assessment()
    {
        await using var app = await CreateAsync("info_answer");
        var caseId = await InAssessmentAsync(app);
        ResultAssert.Ok(await RequestAsync(app, caseId));
        var otherGuardian = app.PseudonymOf(OtherGuardianNin);
        var photo = TestFiles.Jpeg();

        var result = await AnswerAsync(app, caseId, otherGuardian, "Her er bildet av krysset.", [new UploadedFile("kryss.jpg", photo, false)]);

        ResultAssert.Ok(result);
        var seen = (await app.GetAsync(caseId))!;
        Assert.Equal(CaseState.InAssessment, seen.State);
        Assert.Null(seen.OpenInformationRequest);
        var reply = Assert.Single(seen.Documents, d => d.Kind == CaseDocumentKind.InformationReply);
        Assert.True(reply.Confidential);
        var attachment = Assert.Single(seen.Documents, d => d.Kind == CaseDocumentKind.InformationReplyAttachment);
        Assert.Equal(photo, (await AttachmentSpecs.DownloadAsync(app, caseId, attachment.DocumentId, ParentA))!.Content);

        await using var db = app.Db();
        var request = await db.InformationRequests.SingleAsync(r => r.CaseId == caseId);
        Assert.Equal(("Her er bildet av krysset.", otherGuardian), (request.Answer, request.AnsweredBy));
        var incoming = await db.JournalEntries.Where(j => j.CaseId == caseId && (j.DocumentId == reply.DocumentId || j.DocumentId == attachment.DocumentId)).ToListAsync();
        Assert.Equal(2, incoming.Count);
        Assert.All(incoming, j => Assert.Equal(JournalEntryKind.Incoming, j.Kind));
        var last = (await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId)).Events.OrderBy(e => e.Sequence).Last();
        Assert.Equal((CaseTrigger.InformationReceived, CaseActorRole.Guardian), (last.Trigger, last.ActorRole));
    }

    [Fact]
    public async Task An_answer_needs_text_or_a_file_and_each_file_passes_the_attachment_policy()
    {
        await using var app = await CreateAsync("info_answer_invalid");
        var caseId = await InAssessmentAsync(app);
        ResultAssert.Ok(await RequestAsync(app, caseId));

        var empty = ResultAssert.Fails<Failure.Invalid>(await AnswerAsync(app, caseId, ParentA, "  ", []));
        var badFile = ResultAssert.Fails<Failure.Invalid>(await AnswerAsync(app, caseId, ParentA, "Se vedlegg", [new UploadedFile("a.pdf", TestFiles.Pdf(), false), new UploadedFile("b.png", TestFiles.Executable(), false)]));
        var tooMany = ResultAssert.Fails<Failure.Invalid>(await AnswerAsync(app, caseId, ParentA, null, Enumerable.Range(0, 6).Select(i => new UploadedFile($"{i}.png", TestFiles.Png(), false)).ToList()));
        var tooLong = ResultAssert.Fails<Failure.Invalid>(await AnswerAsync(app, caseId, ParentA, new string('x', InformationRequest.MaxTextLength + 1), []));

        Assert.Equal("Skriv et svar eller legg ved minst én fil.", Assert.Single(empty.Errors["Answer"]));
        Assert.Contains("PDF, JPEG eller PNG", Assert.Single(badFile.Errors["Files[1]"]), StringComparison.Ordinal);
        Assert.Equal("Du kan legge ved høyst 5 filer.", Assert.Single(tooMany.Errors["Files[5]"]));
        Assert.Equal(["Answer"], tooLong.Errors.Keys);
        var seen = (await app.GetAsync(caseId))!;
        Assert.Equal(CaseState.AwaitingInformation, seen.State);
        Assert.DoesNotContain(seen.Documents, d => d.Kind is CaseDocumentKind.InformationReply or CaseDocumentKind.InformationReplyAttachment);
    }

    [Fact]
    public async Task Only_a_party_may_answer_and_only_once()
    {
        await using var app = await CreateAsync("info_answer_access");
        var caseId = await InAssessmentAsync(app);
        ResultAssert.Ok(await RequestAsync(app, caseId));

        ResultAssert.Fails<Failure.NotFound>(await AnswerAsync(app, caseId, ParentB, "Jeg er ikke part.", []));
        ResultAssert.Ok(await AnswerAsync(app, caseId, ParentA, "Svar.", []));
        ResultAssert.Fails<Failure.Refused>(await AnswerAsync(app, caseId, ParentA, "Svar igjen.", []));
    }

    [Fact]
    public async Task A_Nynorsk_municipality_asks_in_Nynorsk()
    {
        await using var app = await CreateAsync("info_nynorsk");
        var caseId = await InAssessmentAsync(app, "4647");

        ResultAssert.Ok(await RequestAsync(app, caseId, municipality: "4647"));

        await using var db = app.Db();
        Assert.Equal("Førespurnad om fleire opplysningar – søknad om skuleskyss – 2026/2027", (await db.JournalEntries.Where(j => j.CaseId == caseId).OrderBy(j => j.RegisteredAt).ToListAsync()).Last().PublicTitle);
        Assert.All(await db.OutboxMessages.Where(m => m.Kind == "InformationRequested").ToListAsync(), m => Assert.Equal("Kommunen ber om fleire opplysningar – sak 2026/00001", m.Subject));
    }

    /// <summary>A submitted case that a caseworker has taken (StartAssessment; the caseworker's own command is issue 5's).</summary>
    private static async Task<Guid> InAssessmentAsync(ApplicationTestApp app, string municipality = "5028")
    {
        var caseId = await app.StartAsync(municipality: municipality);
        await app.FillAsync(caseId, school: municipality == "5028" ? GimseSkole : NaustdalSkule);
        ResultAssert.Ok(await app.SubmitAsync(caseId));
        await using var db = app.Db();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor(Caseworker, CaseActorRole.Caseworker), Now).Succeeded);
        await db.SaveChangesAsync();
        return caseId;
    }

    private static Task<CommandResult> RequestAsync(ApplicationTestApp app, Guid caseId, string question = Question, DateOnly? replyBy = null, string municipality = "5028") =>
        app.SendAsync(new RequestInformationCommand(caseId, municipality, Caseworker, question, replyBy ?? ReplyBy));

    private static Task<CommandResult> AnswerAsync(ApplicationTestApp app, Guid caseId, string parent, string? answer, IReadOnlyList<UploadedFile> files) =>
        app.SendAsync(new AnswerInformationRequestCommand(caseId, parent, answer, files));
}
