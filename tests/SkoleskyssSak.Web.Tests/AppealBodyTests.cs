using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 6, the appeal body: its own worklist, the complete file of the cases forwarded to it (and nothing else), and its
/// decision (fvl. § 34) taking effect in the case; Melhus' committee forwards on to Statsforvalteren (fvl. § 33).
/// </summary>
public sealed class AppealBodyTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The comment deadline of a fresh forwarding has not passed: a body deciding now confirms it and says why.</summary>
    internal const string DecideEarly = "DecideEarly";
    internal const string EarlyReason = "EarlyDecisionReason";
    internal const string EarlyReasonText = "Saken er godt nok opplyst, og foresatte har sagt at de ikke har flere merknader.";

    [Fact]
    public async Task A_body_sees_only_the_cases_forwarded_to_it_and_reads_their_complete_file()
    {
        var toGovernor = await ForwardedAsync("sf-trondelag", step: 2);
        var toCommittee = await ForwardedAsync("melhus-utm", step: 1);
        var governor = await SignInAsync("klage.trondelag");

        var (_, worklist) = await governor.GetAsync("/klageinstans");
        var open = worklist.QuerySelector("#open-cases")!.InnerHtml;
        Assert.Contains(toGovernor.ToString(), open, StringComparison.Ordinal);
        Assert.DoesNotContain(toCommittee.ToString(), open, StringComparison.Ordinal);

        var (response, file) = await governor.GetAsync($"/klageinstans/saker/{toGovernor}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(file.QuerySelector("#journal"));
        Assert.NotNull(file.QuerySelector("#decide-form"));
        Assert.Contains("Vegen har fortau", file.QuerySelector("#steps")!.TextContent + file.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);
        var link = file.QuerySelector("#staff-documents a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await governor.Http.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{toCommittee}", UriKind.Relative))).StatusCode);

        // Another body, and the municipality's own caseworker, have no way in.
        var vestland = await SignInAsync("klage.vestland");
        Assert.Equal(HttpStatusCode.NotFound, (await vestland.Http.GetAsync(new Uri($"/klageinstans/saker/{toGovernor}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vestland.Http.GetAsync(new Uri($"{link}", UriKind.Relative))).StatusCode);
        var caseworker = await AppealTests.StaffAsync(app);
        Assert.NotEqual(HttpStatusCode.OK, (await caseworker.Http.GetAsync(new Uri("/klageinstans", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await caseworker.Http.GetAsync(new Uri($"/klageinstans/saker/{toGovernor}", UriKind.Relative))).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "CaseRead" && a.ObjectId == toGovernor.ToString()));
    }

    [Theory]
    [InlineData("Upheld", CaseState.AppealDecided, CaseTrigger.AppealBodyUpholds)]
    [InlineData("Reversed", CaseState.AppealDecided, CaseTrigger.AppealBodyReverses)]
    [InlineData("Dismissed", CaseState.AppealDecided, CaseTrigger.AppealBodyDismisses)]
    [InlineData("Quashed", CaseState.InAssessment, CaseTrigger.AppealBodyQuashes)]
    public async Task The_final_body_decides_and_it_takes_effect_journaled_and_notified(string outcome, CaseState state, CaseTrigger trigger)
    {
        var caseId = await ForwardedAsync("sf-trondelag", step: 2);
        var governor = await SignInAsync("klage.trondelag");
        var (_, page) = await governor.GetAsync($"/klageinstans/saker/{caseId}");

        // A reversal without the new outcome: a message next to the field, nothing recorded.
        if (outcome == "Reversed")
        {
            var (refused, refusedPage) = await governor.UploadAsync(page, "#decide-form", new Dictionary<string, string> { ["Outcome"] = outcome, ["LetterText"] = "Brev", [DecideEarly] = "true", [EarlyReason] = EarlyReasonText }, []);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull(refusedPage.QuerySelector("#NewOutcome-error"));

            // A crafted POST with an outcome no decision on the søknad may have (the dismissal of an appeal): refused the
            // same way, so a reversal is never recorded without its decision.
            var (crafted, craftedPage) = await governor.UploadAsync(page, "#decide-form", new Dictionary<string, string> { ["Outcome"] = outcome, ["NewOutcome"] = "AppealDismissed", ["LetterText"] = "Brev" }, []);
            Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
            Assert.NotNull(craftedPage.QuerySelector("#NewOutcome-error"));
            await using var unchanged = app.Services.CreateAsyncScope();
            Assert.Null((await unchanged.ServiceProvider.GetRequiredService<AppDbContext>().AppealForwardings.SingleAsync(f => f.CaseId == caseId)).Outcome);
        }

        var (decided, _) = await governor.UploadAsync(page, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = outcome,
            [DecideEarly] = "true",
            [EarlyReason] = EarlyReasonText,
            ["NewOutcome"] = "GrantedYearRound",
            ["LetterText"] = "Statsforvalteren har behandlet klagen.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(state, @case.State);
        var @event = @case.Events.Single(e => e.Trigger == trigger);
        Assert.Equal(CaseActorRole.AppealBody, @event.ActorRole);
        var step = await db.AppealForwardings.SingleAsync(f => f.CaseId == caseId);
        Assert.Equal(Enum.Parse<AppealBodyOutcome>(outcome), step.Outcome);
        var letter = await db.Documents.SingleAsync(d => d.Id == step.DecisionDocumentId);
        Assert.Equal(CaseDocumentKind.AppealDecisionLetter, letter.Kind);
        Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Incoming && j.DocumentId == letter.Id && j.PublicTitle.StartsWith("Klagevedtak fra Statsforvalteren")));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealDecided"));
        var toMunicipality = await db.OutboxMessages.Where(m => m.CaseId == caseId && m.Kind == "AppealDecidedMunicipality").Select(m => m.Recipient).ToListAsync();
        Assert.Contains("saksbehandler.melhus@demo.skoleskyss.no", toMunicipality);
        if (outcome == "Reversed")
        {
            Assert.Contains("innvilget helårsskyss", step.Resolution, StringComparison.Ordinal);
            Assert.Contains("innvilget helårsskyss", @event.Reason, StringComparison.Ordinal);
            var reversal = await db.Decisions.SingleAsync(d => d.CaseId == caseId && d.Kind == Domain.Decisions.DecisionKind.AppealBodyReversal);
            Assert.Equal((Domain.Decisions.DecisionOutcome.GrantedYearRound, Domain.Decisions.DecisionStatus.Issued, (Guid?)letter.Id), (reversal.Outcome, reversal.Status, reversal.LetterDocumentId));
            Assert.NotNull(reversal.PeriodFrom);
        }

        // Decided: the worklist lists it under "recently decided", and no second decision can be registered.
        var (_, worklist) = await governor.GetAsync("/klageinstans");
        Assert.Contains(caseId.ToString(), worklist.QuerySelector("#decided-cases")!.InnerHtml, StringComparison.Ordinal);
        var (_, after) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.Null(after.QuerySelector("#decide-form"));

        // The statistics count it for Melhus.
        var (_, statistics) = await governor.GetAsync("/klageinstans/statistikk");
        Assert.Contains("Melhus", statistics.QuerySelector("#statistics")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Melhus_committee_needs_its_meeting_and_forwards_on_to_Statsforvalteren()
    {
        var caseId = await ForwardedAsync("melhus-utm", step: 1);
        var committee = await SignInAsync("utvalg.melhus");
        var (_, page) = await committee.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.Null(page.QuerySelector("input[name='Outcome'][value='Upheld']"));

        var (missing, missingPage) = await committee.UploadAsync(page, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "ForwardedOn",
            [DecideEarly] = "true",
            [EarlyReason] = EarlyReasonText,
            ["Resolution"] = "Utvalget opprettholder vedtaket.",
            ["LetterText"] = "Saken sendes til Statsforvalteren.",
        }, []);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("møtedato", missingPage.QuerySelector("#MeetingDate-error")!.TextContent, StringComparison.Ordinal);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (forwarded, _) = await committee.UploadAsync(missingPage, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "ForwardedOn",
            [DecideEarly] = "true",
            [EarlyReason] = EarlyReasonText,
            ["MeetingDate"] = today,
            ["Resolution"] = "Utvalget opprettholder vedtaket.",
        }, [("Letter", "protokoll.pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var steps = await db.AppealForwardings.Where(f => f.CaseId == caseId).OrderBy(f => f.Step).ToListAsync();
            Assert.Equal(2, steps.Count);
            Assert.Equal(AppealBodyOutcome.ForwardedOn, steps[0].Outcome);
            Assert.NotNull(steps[0].MeetingDate);
            Assert.Equal("sf-trondelag", steps[1].BodyCode);
            Assert.True(steps[1].IsOpen);
            Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture).AddDays(14), steps[1].CommentDeadline);
            Assert.Equal(CaseState.ForwardedToAppealBody, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        }

        var governor = await SignInAsync("klage.trondelag");
        var (_, worklist) = await governor.GetAsync("/klageinstans");
        Assert.Contains(caseId.ToString(), worklist.QuerySelector("#open-cases")!.InnerHtml, StringComparison.Ordinal);
        var (_, file) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.Contains("Utvalget opprettholder vedtaket.", file.QuerySelector("#steps")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Melhus_committee_may_reverse_and_the_case_is_decided_again_at_the_municipality()
    {
        var caseId = await ForwardedAsync("melhus-utm", step: 1);
        var committee = await SignInAsync("utvalg.melhus");
        var (_, page) = await committee.GetAsync($"/klageinstans/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (reversed, _) = await committee.UploadAsync(page, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Reversed",
            [DecideEarly] = "true",
            [EarlyReason] = EarlyReasonText,
            ["NewOutcome"] = "GrantedWinter",
            ["MeetingDate"] = today,
            ["Resolution"] = "Utvalget gir skyss.",
            ["LetterText"] = "Utvalget har omgjort vedtaket.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, reversed.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseState.Decided, @case.State);
        Assert.Contains(@case.Events, e => e.Trigger == CaseTrigger.ReverseDecision && e.RulebookVersion == "5028/v1");
        var reversal = await db.Decisions.SingleAsync(d => d.CaseId == caseId && d.Kind == Domain.Decisions.DecisionKind.AppealBodyReversal);
        Assert.Equal(Domain.Decisions.DecisionOutcome.GrantedWinter, reversal.Outcome);
        Assert.Equal(Domain.Decisions.DecisionStatus.Issued, reversal.Status);
    }

    [Fact]
    public async Task The_file_downloads_as_one_PDF_with_contents_and_pages_and_as_a_ZIP_with_a_manifest()
    {
        var caseId = await ForwardedAsync("sf-trondelag", step: 2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var (note, noteContent) = CaseDocument.ProducedText(Guid.CreateVersion7(), caseId, CaseDocumentKind.SiteInspection, "befaring.txt", "Befaring: smal vegskulder ved brua.", confidential: false, "caseworker", now);
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
            var photo = CaseDocument.Produced(Guid.CreateVersion7(), caseId, CaseDocumentKind.ApplicationAttachment, "vegen.png", "image/png", png, confidential: false, "caseworker", now);
            db.Documents.AddRange(note, photo);
            db.DocumentContents.AddRange(noteContent, new CaseDocumentContent(photo.Id, png));
            await db.SaveChangesAsync();
        }

        var governor = await SignInAsync("klage.trondelag");
        var bundle = await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("application/pdf", bundle.Content.Headers.ContentType!.MediaType);
        var bytes = await bundle.Content.ReadAsByteArrayAsync();
        var text = await DecisionTests.PdfTextAsync(bytes, tagged: false);
        Assert.Contains("Innhold", text, StringComparison.Ordinal);

        // One numbering over the whole bundle: every page says which of how many it is.
        var pages = PdfReadBack.Read(bytes).PageCount;
        Assert.True(pages >= 3, $"{pages} pages");
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains($"Side {page} av {pages}", flat, StringComparison.Ordinal);
        }

        Assert.Contains("befaring.txt", text, StringComparison.Ordinal);
        Assert.Contains("smal vegskulder", text, StringComparison.Ordinal);
        Assert.Contains("vegen.png", text, StringComparison.Ordinal);

        var zip = await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        var manifestEntry = archive.GetEntry("manifest.csv")!;
        using var reader = new StreamReader(manifestEntry.Open());
        var manifest = await reader.ReadToEndAsync();
        Assert.Contains("befaring.txt;SiteInspection;", manifest, StringComparison.Ordinal);
        Assert.Contains(CaseDocument.Hash("Befaring: smal vegskulder ved brua."u8), manifest, StringComparison.Ordinal);
        Assert.True(archive.Entries.Count >= 4);

        // Not for another body.
        var vestland = await SignInAsync("klage.vestland");
        Assert.Equal(HttpStatusCode.NotFound, (await vestland.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Bundle", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vestland.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Zip", UriKind.Relative))).StatusCode);
    }

    /// <summary>A Melhus case with an issued refusal, appealed, reviewed and forwarded to <paramref name="body"/>.</summary>
    private async Task<Guid> ForwardedAsync(string body, int step)
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        await ForwardedCases.ForwardAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), caseId, body, step);
        return caseId;
    }

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, user + "@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
