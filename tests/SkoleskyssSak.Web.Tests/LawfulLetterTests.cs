using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 11, letters and the case file: every letter says what the law requires, read back from the real PDF — the
/// notice (fvl. §§ 27, 36, 42) a municipality may reword but not hollow out, the lapse of a grant when the road is made
/// safe (seed 002 section 5, seed 003 section 6.2), the forwarding letter's timeliness and chain (fvl. §§ 31, 33), the
/// appeal body's early decision, the appeal and the body's decision as real documents, the parent's outcome in words.
/// </summary>
public sealed partial class LawfulLetterTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";

    [Theory]
    [InlineData("Klagen skal være skriftlig. Du kan be om utsatt iverksetting (forvaltningsloven § 42).", "§ 36")]
    [InlineData("Klagen skal være skriftlig. Du kan få dekket sakskostnader (forvaltningsloven § 36).", "§ 42")]
    public async Task A_notice_that_drops_legal_costs_or_suspension_is_refused_on_the_admin_page_and_nothing_is_saved(string typed, string named)
    {
        var admin = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        var (_, page) = await admin.GetAsync("/admin/brevmaler/5028");
        var (response, refused) = await admin.SubmitAsync(page, "#form-AppealHow", new Dictionary<string, string> { ["Texts[AppealHow]"] = typed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(named, refused.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", refused.QuerySelector("#Texts_AppealHow_")!.GetAttribute("aria-invalid"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().LetterTemplateTexts.AnyAsync(t => t.MunicipalityNumber == "5028" && t.Key == Domain.Municipalities.NoticeText.AppealHow));
    }

    public static TheoryData<string, string, string[]> Grants() => new()
    {
        { "5028", "saksbehandler.melhus@demo.skoleskyss.no", ["faller skyssen bort", "Retningslinjer for skoleskyss på grunn av særlig farlig eller vanskelig skoleveg", "forvaltningsloven § 36", "forvaltningsloven § 42", "til og med 30. juni"] },
        { "4647", "saksbehandler.sunnfjord@demo.skoleskyss.no", ["fell skyssen bort", "forvaltningslova § 36", "forvaltningslova § 42", "til og med 30. juni"] },
    };

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task A_grant_letter_states_the_period_and_the_lapse_and_the_parent_reads_the_outcome_and_the_next_step(string municipality, string caseworker, string[] expected)
    {
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var caseId = await DecisionTests.SubmitAsync(app, municipality);
        var (_, before) = await parent.GetAsync($"/mine-saker/{caseId}?kommune={municipality}");
        Assert.NotNull(before.QuerySelector("#case-handling"));
        Assert.Null(before.QuerySelector("#outcome"));

        var staff = await StaffAsync(caseworker);
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        await RecordedAssessments.RecordAsync(app, caseId, municipality, Domain.Rules.TransportOutcome.YearRound);
        var text = await DecisionTests.IssueAndReadLetterAsync(staff, caseId, new Dictionary<string, string> { ["Outcome"] = "GrantedYearRound", ["Grounds"] = "Vegen er særlig farlig." });
        foreach (var element in expected)
        {
            Assert.Contains(element, text, StringComparison.Ordinal);
        }

        Assert.Matches(@"fr(a|å) \d{1,2}\. \p{L}+ \d{4} til og med \d{1,2}\. \p{L}+ \d{4}", text);

        // "Mine saker": the outcome in words, the period with dates and the next step; no processing time any more.
        var (_, after) = await parent.GetAsync($"/mine-saker/{caseId}?kommune={municipality}");
        Assert.Null(after.QuerySelector("#case-handling"));
        Assert.Contains(municipality == "4647" ? "innvilga" : "innvilget", after.QuerySelector("#outcome-text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(municipality == "4647" ? "heile året" : "hele året", after.QuerySelector("#outcome-text")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2}\. \p{L}+ \d{4} til og med \d{1,2}\. \p{L}+ \d{4}", after.QuerySelector("#outcome-period")!.TextContent);
        var deadline = Domain.Deadlines.AppealDeadline.From(Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow)).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains(deadline, after.QuerySelector("#next-step")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_reads_as_refused_on_the_parents_page_and_says_nothing_of_a_lapse()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, page) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        Assert.Contains("avslått", page.QuerySelector("#outcome-text")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#outcome-period"));
        Assert.Null(page.QuerySelector("#case-handling"));

        var letter = page.QuerySelectorAll("#documents a").Single(a => a.TextContent.Contains("vedtak-", StringComparison.Ordinal)).GetAttribute("href")!;
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(await (await parent.Http.GetAsync(new Uri(letter, UriKind.Relative))).Content.ReadAsByteArrayAsync()), " ");
        Assert.DoesNotContain("faller skyssen bort", text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 36", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_appeal_is_a_tagged_PDF_listing_its_attachments_and_the_caseworker_reads_its_text_on_the_case_page()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        const string appealText = "Vegen er farligere enn vurdert: det er ingen vegskulder ved brua.";
        var (sent, _) = await parent.UploadAsync(sak, "#appeal form", new Dictionary<string, string> { ["AppealText"] = appealText }, [("AppealFiles", "vegen-ved-brua.pdf", TestPdfs.Minimal())]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var (_, after) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var links = after.QuerySelectorAll("#documents a").Select(a => (a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        Assert.DoesNotContain(links, l => l.TextContent.EndsWith(".txt", StringComparison.Ordinal));
        var appeal = links.Single(l => l.TextContent.Contains("klage.pdf", StringComparison.Ordinal));
        var response = await parent.Http.GetAsync(new Uri(appeal.Href, UriKind.Relative));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(await response.Content.ReadAsByteArrayAsync()), " ");
        Assert.Contains("Klage på vedtak om skoleskyss", text, StringComparison.Ordinal);
        Assert.Contains(appealText, text, StringComparison.Ordinal);
        Assert.Contains("vegen-ved-brua.pdf", text, StringComparison.Ordinal);
        Assert.Contains("Kari Nordmann", text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av", text, StringComparison.Ordinal);
        NextStepReads(after, "vurderer klagen din på nytt");

        var staff = await AppealTests.StaffAsync(app);
        var (_, staffPage) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Contains(appealText, staffPage.QuerySelector("#appeals .appeal-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forwarding_letter_to_Melhus_committee_says_it_behandler_the_appeal_that_came_in_time_and_the_case_goes_on_to_Statsforvalteren()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var text = await ForwardAndReadLetterAsync(caseId, late: false);
        Assert.Matches("sendes derfor til Utvalg for teknikk og miljø[^.]*, som behandler den", text);
        Assert.Contains("sendes saken videre til Statsforvalteren i Trøndelag", text, StringComparison.Ordinal);
        Assert.Contains("innen klagefristen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("etter klagefristen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forwarding_letter_of_a_late_appeal_says_it_came_late_and_why_it_is_considered_all_the_same()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var text = await ForwardAndReadLetterAsync(caseId, late: true);
        Assert.Contains("etter klagefristen", text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 31", text, StringComparison.Ordinal);
        Assert.Contains("Foreldrene var på sykehus med barnet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appeal_body_deciding_before_the_comment_deadline_must_confirm_it_and_say_why_and_its_written_letter_is_a_PDF()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ForwardedCases.ForwardAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), caseId, "sf-trondelag", step: 2);
        }

        var governor = await BodyAsync("klage.trondelag");
        var (_, page) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.NotNull(page.QuerySelector("#decide-early"));
        var fields = new Dictionary<string, string> { ["Outcome"] = "Upheld", ["LetterText"] = "Statsforvalteren stadfester vedtaket.\n\nVegen har fortau hele vegen." };

        var (unconfirmed, unconfirmedPage) = await governor.UploadAsync(page, "#decide-form", fields, []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("merknader", unconfirmedPage.QuerySelector("#EarlyDecisionReason-error")!.TextContent, StringComparison.Ordinal);

        fields["DecideEarly"] = "true";
        var (unexplained, unexplainedPage) = await governor.UploadAsync(page, "#decide-form", fields, []);
        Assert.Equal(HttpStatusCode.OK, unexplained.StatusCode);
        Assert.NotNull(unexplainedPage.QuerySelector("#EarlyDecisionReason-error"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(CaseState.ForwardedToAppealBody, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
            Assert.False(await db.Documents.AnyAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.AppealDecisionLetter));
        }

        fields["EarlyDecisionReason"] = "Foresatte har skrevet at de ikke har flere merknader.";
        var (decided, _) = await governor.UploadAsync(page, "#decide-form", fields, []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            var upheld = @case.Events.Single(e => e.Trigger == CaseTrigger.AppealBodyUpholds);
            Assert.Contains("avgjort før fristen for merknader", upheld.Reason, StringComparison.Ordinal);
            Assert.Contains("ikke har flere merknader", upheld.Reason, StringComparison.Ordinal);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ObjectId == caseId.ToString() && a.Action == "AppealBodyDecidedBeforeCommentDeadline"));
        }

        // The parent gets the body's written decision as a letter printed to PDF, never a text file; the case is final.
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, mine) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var link = mine.QuerySelectorAll("#documents a").Single(a => a.TextContent.Contains("klagevedtak", StringComparison.Ordinal));
        Assert.EndsWith("klagevedtak.pdf", link.TextContent.Trim(), StringComparison.Ordinal);
        var response = await parent.Http.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(await response.Content.ReadAsByteArrayAsync()), " ");
        Assert.Contains("Vedtak i klagesak om skoleskyss", text, StringComparison.Ordinal);
        Assert.Contains("Statsforvalteren i Trøndelag", text, StringComparison.Ordinal);
        Assert.Contains("stadfestet", text, StringComparison.Ordinal);
        Assert.Contains("Vegen har fortau hele vegen.", text, StringComparison.Ordinal);
        var (_, final) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        NextStepReads(final, "kan ikke påklages");
    }

    [Fact]
    public async Task The_bundle_holds_everything_the_forwarding_letter_says_the_file_holds()
    {
        // A Melhus case assessed (objective, site inspection, subjective), refused, appealed from "Mine saker", forwarded
        // by the municipality with its letter, and commented on by the parent.
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var staff = await AppealTests.StaffAsync(app);
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        var (_, vurdering) = await staff.GetAsync($"/ansatt/saker/{caseId}/vurdering");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(vurdering, "form[action*='handler=Run']", new Dictionary<string, string>())).Response.StatusCode);
        var (_, assessed) = await staff.GetAsync($"/ansatt/saker/{caseId}/vurdering");
        var (corrected, _) = await staff.UploadAsync(assessed, "form[action*='handler=Correct']", new Dictionary<string, string>
        {
            ["Correction.Legs[0].Kind"] = "along",
            ["Correction.Legs[0].RoadCategory"] = "county",
            ["Correction.Legs[0].SpeedLimit"] = "60",
            ["Correction.Legs[0].PedestrianFacility"] = "none",
            ["Correction.InspectionDate"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Correction.InspectedBy"] = "Saksbehandler og vegeier",
            ["Correction.Findings"] = "Smal vegskulder ved brua over Gaula.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var (_, inspected) = await staff.GetAsync($"/ansatt/saker/{caseId}/vurdering");
        var (subjective, _) = await staff.SubmitAsync(inspected, "form[action*='handler=Subjective']", new Dictionary<string, string>
        {
            ["Subjective.ChangesResult"] = "false",
            ["Subjective.Conclusion"] = "Barnets forhold endrer ikke resultatet etter matrisen.",
        });
        Assert.Equal(HttpStatusCode.Redirect, subjective.StatusCode);
        await DecisionTests.IssueAndReadLetterAsync(staff, caseId, new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen er ikke særlig farlig." });

        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, mine) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        await parent.UploadAsync(mine, "#appeal form", new Dictionary<string, string> { ["AppealText"] = "Klagen: vegskulderen er borte om vinteren." }, []);
        var (_, review) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(review, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>());
        var (_, reviewing) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var (forwarded, _) = await staff.SubmitAsync(reviewing, "form[action*='handler=ForwardAppeal']", new Dictionary<string, string> { ["ForwardAssessment"] = "Kommunen opprettholder vedtaket etter synfaringen." });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        var (_, toComment) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var (commented, _) = await parent.UploadAsync(toComment, "#comment form", new Dictionary<string, string> { ["CommentText"] = "Merknaden: bussen går forbi huset." }, []);
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);

        // The committee's page shows the assessment; its bundle holds every part, each read back from the PDF.
        var committee = await BodyAsync("utvalg.melhus");
        var (_, file) = await committee.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.Contains("Smal vegskulder ved brua over Gaula", file.QuerySelector("#assessment")!.TextContent, StringComparison.Ordinal);
        var bundle = await committee.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(await bundle.Content.ReadAsByteArrayAsync(), tagged: false), " ");
        string[] parts =
        [
            "Søknad om skoleskyss – sendt inn", "Kari Nordmann", "Foresatte", "Skolevegen", // the søknad as submitted
            "Kommunens vurdering av skolevegen", "melhus/T1-08", // the objective assessment with the rows
            "Smal vegskulder ved brua over Gaula", "Saksbehandler og vegeier", // the site inspection
            "Barnets forhold endrer ikke resultatet etter matrisen", // the subjective assessment
            "Vedtak om skoleskyss", "Vegen er ikke særlig farlig.", // the decision letter
            "Klage på vedtak om skoleskyss", "vegskulderen er borte om vinteren", // the appeal
            "Oversendelse av klage", "Kommunen opprettholder vedtaket etter synfaringen", // the forwarding letter
            "bussen går forbi huset", // the comment
        ];
        foreach (var part in parts)
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(KariNordmann, text, StringComparison.Ordinal);
    }

    /// <summary>Registers a paper appeal (late or in time), starts the review and forwards; returns the forwarding letter's text.</summary>
    private async Task<string> ForwardAndReadLetterAsync(Guid caseId, bool late)
    {
        var staff = await AppealTests.StaffAsync(app);
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var fields = new Dictionary<string, string>
        {
            ["AppealChannel"] = "Paper",
            ["AppealReceivedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["AppealSummary"] = "Foreldrene mener vegen er farlig.",
        };
        if (late)
        {
            fields["AppealNoticeOn"] = today.AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var (registered, _) = await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", fields, []);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var (_, received) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var (considered, _) = await staff.SubmitAsync(received, "form[action*='handler=ConsiderAppeal']", late
            ? new Dictionary<string, string> { ["LateReason"] = "Foreldrene var på sykehus med barnet da fristen gikk ut." }
            : new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, considered.StatusCode);
        var (_, reviewing) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var (forwarded, _) = await staff.SubmitAsync(reviewing, "form[action*='handler=ForwardAppeal']", new Dictionary<string, string> { ["ForwardAssessment"] = "Kommunen opprettholder vedtaket." });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        var (_, after) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var link = after.QuerySelectorAll("#staff-documents a").Single(a => a.TextContent.Contains("oversending-", StringComparison.Ordinal)).GetAttribute("href")!;
        return Whitespace().Replace(await DecisionTests.PdfTextAsync(await (await staff.Http.GetAsync(new Uri(link, UriKind.Relative))).Content.ReadAsByteArrayAsync()), " ");
    }

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }

    private static void NextStepReads(AngleSharp.Dom.IDocument page, string expected) =>
        Assert.Contains(expected, page.QuerySelector("#next-step")!.TextContent, StringComparison.Ordinal);

    private Task<PageClient> BodyAsync(string user) => StaffAsync(user + "@demo.skoleskyss.no");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
