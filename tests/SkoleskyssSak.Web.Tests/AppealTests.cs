using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 6, the appeal's arrival: the parent appeals from "Mine saker" within the deadline of fvl. § 29, or a caseworker
/// registers one that came on paper with its dates; a late one is flagged and reviewed only with a fvl. § 31 reason.
/// </summary>
public sealed class AppealTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string OlaHansen = "03909010038";

    [Fact]
    public async Task The_parent_appeals_from_Mine_saker_and_the_case_awaits_the_first_instance_with_the_appeal_journaled()
    {
        var caseId = await DecidedCaseAsync(app);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var deadline = AppealDeadlineText();
        Assert.Contains($"Klagefristen er {deadline}", sak.QuerySelector("#appeal")!.TextContent, StringComparison.Ordinal);

        // Empty: a message next to the field, nothing filed.
        var (emptyResponse, empty) = await parent.UploadAsync(sak, "#appeal form", new Dictionary<string, string> { ["AppealText"] = " " }, []);
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.Contains("Skriv hva du mener bør endres", empty.QuerySelector("#AppealText-error")!.TextContent, StringComparison.Ordinal);

        var (sent, _) = await parent.UploadAsync(sak, "#appeal form", new Dictionary<string, string> { ["AppealText"] = "Vegen er farligere enn vurdert: det er ingen vegskulder." }, [("AppealFiles", "vegen.pdf", TestPdfs.Minimal())]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, after) = await parent.FollowAsync(sent);
        Assert.NotNull(after.QuerySelector("[role='status']"));
        Assert.Null(after.QuerySelector("#appeal"));
        Assert.Contains("i Mine saker", after.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.AppealReceived, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        var appeal = await db.Appeals.SingleAsync(a => a.CaseId == caseId);
        Assert.False(appeal.IsLate);
        Assert.Equal(AppealChannel.Online, appeal.Channel);
        Assert.Equal(2, await db.Documents.CountAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.Appeal));
        Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Incoming && j.PublicTitle.StartsWith("Klage på vedtak")));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealReceived"));

        // The caseworker starts the review: the appeal was in time, so no fvl. § 31 reason is asked.
        var staff = await StaffAsync(app);
        var (_, staffPage) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Null(staffPage.QuerySelector("#LateReason"));
        var (review, _) = await staff.SubmitAsync(staffPage, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(CaseState.FirstInstanceReview, (await check.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    [Fact]
    public async Task A_paper_appeal_received_after_the_deadline_is_flagged_and_reviewed_only_with_a_reason()
    {
        var caseId = await DecidedCaseAsync();
        var staff = await StaffAsync();
        var afterRegistration = await RegisterLatePaperAppealAsync(staff, caseId);
        Assert.Contains("kom etter fristen", afterRegistration.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);
        var (refused, refusedPage) = await staff.SubmitAsync(afterRegistration, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("forvaltningsloven § 31", refusedPage.QuerySelector("#LateReason-error")!.TextContent, StringComparison.Ordinal);

        var (considered, _) = await staff.SubmitAsync(refusedPage, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string> { ["LateReason"] = "Vedtaket ble sendt til feil adresse." });
        Assert.Equal(HttpStatusCode.Redirect, considered.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var appeal = await db.Appeals.SingleAsync(a => a.CaseId == caseId);
        Assert.True(appeal.IsLate);
        Assert.Equal(LateAppealHandling.ConsideredAnyway, appeal.LateHandling);
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseState.FirstInstanceReview, @case.State);
        Assert.StartsWith("fvl. § 31", @case.Events.Single(e => e.Trigger == CaseTrigger.StartFirstInstanceReview).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_instance_reverses_its_decision_by_a_new_decision_that_can_itself_be_appealed()
    {
        var caseId = await DecidedCaseAsync(app);
        var staff = await StaffAsync(app);
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string> { ["AppealChannel"] = "Email", ["AppealReceivedOn"] = today, ["AppealSummary"] = "Vegen mangler skulder." }, []);
        var (_, registered) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(registered, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>());

        // The first instance assesses again (fvl. § 33 second paragraph) and finds year-round transport.
        await RecordedAssessments.RecordAsync(app, caseId, "5028", Domain.Rules.TransportOutcome.YearRound);
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var (saved, _) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "GrantedYearRound", ["Grounds"] = "Etter befaring: vegen har ingen skulder. Klagen tas til følge." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, ready) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var (issued, _) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var (_, after) = await staff.FollowAsync(issued);
        var letter = after.QuerySelector("#issued-decisions a")!.GetAttribute("href")!;
        var text = await DecisionTests.PdfTextAsync(await (await staff.Http.GetAsync(new Uri(letter, UriKind.Relative))).Content.ReadAsByteArrayAsync());
        Assert.Contains("Vedtak etter klage", text, StringComparison.Ordinal);
        Assert.Contains("Du kan klage", text, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseState.Decided, @case.State);
        Assert.Contains(@case.Events, e => e.Trigger == CaseTrigger.ReverseDecision && e.RulebookVersion == "5028/v1");
        Assert.Equal(Domain.Decisions.DecisionKind.Reversal, (await db.Decisions.OrderByDescending(d => d.IssuedAt).FirstAsync(d => d.CaseId == caseId)).Kind);
    }

    [Fact]
    public async Task The_first_instance_upholds_and_forwards_to_the_first_body_of_the_chain_with_a_letter_and_a_copy_to_the_parent()
    {
        var caseId = await DecidedCaseAsync();
        var staff = await StaffAsync();
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string> { ["AppealChannel"] = "Paper", ["AppealReceivedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["AppealSummary"] = "Foreldrene mener vegen er farlig." }, []);
        var (_, registered) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(registered, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>());

        var (_, reviewing) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var (missing, missingPage) = await staff.SubmitAsync(reviewing, "form[action*='handler=ForwardAppeal']", new Dictionary<string, string> { ["ForwardAssessment"] = " " });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("kommunens vurdering", missingPage.QuerySelector("#ForwardAssessment-error")!.TextContent, StringComparison.Ordinal);

        var (forwarded, _) = await staff.SubmitAsync(reviewing, "form[action*='handler=ForwardAppeal']", new Dictionary<string, string> { ["ForwardAssessment"] = "Kommunen har vurdert klagen. Vegen har fortau hele vegen, og vedtaket opprettholdes." });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.ForwardedToAppealBody, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        var step = await db.AppealForwardings.SingleAsync(f => f.CaseId == caseId);
        Assert.Equal(("melhus-utm", 1, true), (step.BodyCode, step.Step, step.IsOpen));
        Assert.Equal(today.AddDays(14), step.CommentDeadline);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealForwarded"));
        Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Outgoing && j.DocumentId == step.LetterDocumentId));

        // The parent reads the forwarding letter: addressed to the committee, with the assessment and the comment deadline.
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, mine) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var link = mine.QuerySelectorAll("#documents a").Single(a => a.TextContent.Contains("oversending-", StringComparison.Ordinal)).GetAttribute("href")!;
        var text = System.Text.RegularExpressions.Regex.Replace(await DecisionTests.PdfTextAsync(await (await parent.Http.GetAsync(new Uri(link, UriKind.Relative))).Content.ReadAsByteArrayAsync()), @"\s+", " ");
        Assert.Contains("Utvalg for teknikk og miljø", text, StringComparison.Ordinal);
        Assert.Contains("vedtaket opprettholdes", text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 33", text, StringComparison.Ordinal);
        Assert.Contains(today.AddDays(14).ToString("d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nb-NO")), text, StringComparison.Ordinal);

        // The parent comments on it from Mine saker; the comment goes into the file the body reads.
        Assert.Contains("Utvalg for teknikk og miljø", mine.QuerySelector("#comment")!.TextContent, StringComparison.Ordinal);
        var (commented, _) = await parent.UploadAsync(mine, "#comment form", new Dictionary<string, string> { ["CommentText"] = "Kommunen har ikke sett på vegen om vinteren." }, []);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        await using var after = app.Services.CreateAsyncScope();
        var afterDb = after.ServiceProvider.GetRequiredService<AppDbContext>();
        var comment = await afterDb.Documents.SingleAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.Comment);
        Assert.True(await afterDb.JournalEntries.AnyAsync(j => j.DocumentId == comment.Id && j.Kind == JournalEntryKind.Incoming));
    }

    [Fact]
    public async Task Nobody_else_can_appeal_and_a_case_without_a_decision_cannot_be_appealed()
    {
        var caseId = await DecidedCaseAsync(app);
        var other = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri($"/mine-saker/{caseId}?kommune=5028", UriKind.Relative))).StatusCode);

        var undecided = await DecisionTests.SubmitAsync(app, "5028");
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, sak) = await parent.GetAsync($"/mine-saker/{undecided}?kommune=5028");
        Assert.Null(sak.QuerySelector("#appeal"));

        var sunnfjord = app.NewClient();
        await StaffSignInTests.SignInAsync(sunnfjord, "saksbehandler.sunnfjord@demo.skoleskyss.no", DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(new Uri($"/ansatt/saker/{caseId}", UriKind.Relative))).StatusCode);
    }

    /// <summary>
    /// A paper appeal registered today whose notice reached the parent 30 days ago: three weeks have passed, so it is late
    /// (fvl. § 29). Returns the case page after the registration.
    /// </summary>
    internal static async Task<AngleSharp.Dom.IDocument> RegisterLatePaperAppealAsync(PageClient staff, Guid caseId)
    {
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (registered, _) = await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string>
        {
            ["AppealChannel"] = "Paper",
            ["AppealReceivedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["AppealNoticeOn"] = today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["AppealSummary"] = "Klagen kom i posten. Foreldrene mener vegen er farlig.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        return (await staff.FollowAsync(registered)).Document;
    }

    private Task<Guid> DecidedCaseAsync() => DecidedCaseAsync(app);

    private Task<PageClient> StaffAsync() => StaffAsync(app);

    /// <summary>A Melhus case of Kari Nordmann with an issued refusal.</summary>
    internal static async Task<Guid> DecidedCaseAsync(AppFixture app)
    {
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var staff = await StaffAsync(app);
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        await RecordedAssessments.RecordAsync(app, caseId, "5028", Domain.Rules.TransportOutcome.None);
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen har fortau hele vegen." });
        var (_, ready) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var (issued, _) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return caseId;
    }

    /// <summary>The Melhus caseworker, signed in.</summary>
    internal static async Task<PageClient> StaffAsync(AppFixture app)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, "saksbehandler.melhus@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }

    /// <summary>The deadline for a decision issued today: three weeks on, moved past non-working days (fvl. §§ 29–30).</summary>
    private static string AppealDeadlineText() =>
        Domain.Deadlines.AppealDeadline.From(Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow)).ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
