using System.Net;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 11, referral to the county (opplæringslova § 4-1 first paragraph): submission never refers on the parent's
/// estimate; the caseworker confirms each home's distance (source, date) and refers a home beyond the limit — a letter to
/// the guardians, the case forwarded to the county's unit, journaled and audited; one home of two referred leaves the
/// case with the municipality; "Mine saker" says what went to the county. Against the real app and PostgreSQL.
/// </summary>
public sealed partial class ReferralTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Sunnfjord = "4647";
    private const string SunnfjordCaseworker = "saksbehandler.sunnfjord@demo.skoleskyss.no";
    private const string MelhusCaseworker = "saksbehandler.melhus@demo.skoleskyss.no";

    [Fact]
    public async Task Beyond_the_limit_the_submitted_case_goes_to_the_caseworker_and_the_receipt_promises_no_municipal_answer()
    {
        const string nin = "12838510068";
        var parent = await ApplicationJourneyTests.SignInAsync(app, nin, "Kari Nordmann");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Kari Nordmann", [("Storvegen 1", 6.2m)]);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseState.Submitted, @case.State);
            Assert.Equal([CaseTrigger.Submit], @case.Events.Select(e => e.Trigger));
            var mail = await db.OutboxMessages.SingleAsync(m => m.CaseId == caseId && m.Kind == "ApplicationReceived");
            Assert.Contains("Kommunen kontrollerer avstanden", mail.Body, StringComparison.Ordinal);
            Assert.Contains("fylkeskommunen", mail.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("send vidare", mail.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("veker", mail.Body, StringComparison.Ordinal);
        }

        var (_, receipt) = await FollowingAsync(parent, $"/soknad/{caseId}/kvittering?kommune={Sunnfjord}");
        var check = receipt.QuerySelector("#distance-check")!.TextContent;
        Assert.Contains("Kommunen kontrollerer avstanden", check, StringComparison.Ordinal);
        Assert.Contains("4 km for 3. trinn", check, StringComparison.Ordinal);
        Assert.Contains("svarar deg", check, StringComparison.Ordinal);
        Assert.DoesNotContain("send vidare til fylkeskommunen", receipt.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(receipt.QuerySelector("#case-handling"));
    }

    [Fact]
    public async Task A_home_is_referred_only_with_a_confirmed_distance_beyond_the_limit_and_the_other_home_stays_with_the_municipality()
    {
        const string nin = "03909010038";
        var parent = await ApplicationJourneyTests.SignInAsync(app, nin, "Ola Nordmann");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Ola Nordmann", [("Storvegen 1", 6.0m), ("Fjellvegen 9", 1.3m)]);
        var staff = await StaffAsync(SunnfjordCaseworker);
        var path = $"/ansatt/saker/{caseId}/avstand";

        // The parent's estimate alone refers nothing.
        var (_, page) = await staff.GetAsync(path);
        var (notConfirmed, notConfirmedPage) = await staff.SubmitAsync(page, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='0'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, notConfirmed.StatusCode);
        Assert.Contains("ikke stadfestet", notConfirmedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        // Bad input: a clear message per field (the staff pages speak Bokmål; letters the municipality's form), nothing stored.
        var (invalid, invalidPage) = await staff.SubmitAsync(page, "form[action*='handler=Confirm']", new Dictionary<string, string> { ["HomeIndex"] = "0", ["DistanceKm"] = "mange", ["Source"] = " ", ["MeasuredOn"] = "2099-01-01" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Skriv gangavstanden i km", invalidPage.QuerySelector("#DistanceKm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hvordan avstanden er målt", invalidPage.QuerySelector("#Source-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(invalidPage.QuerySelector("#MeasuredOn-error"));

        // Confirmed: home 1 at 6,2 km (beyond 4 km for grade 3), home 2 at 1,3 km.
        await ConfirmAsync(staff, path, 0, "6,2", "Målt i Norgeskart");
        await ConfirmAsync(staff, path, 1, "1,3", "Oppmåling på staden");
        var (_, confirmed) = await staff.GetAsync(path);
        var (within, withinPage) = await staff.SubmitAsync(confirmed, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='1'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Contains("ikke lengre enn grensen på 4 km", withinPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        var (referred, _) = await staff.SubmitAsync(confirmed, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='0'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseState.Submitted, @case.State);
            var distances = await db.HomeDistances.Where(d => d.CaseId == caseId).OrderBy(d => d.HomeIndex).ToListAsync();
            Assert.Equal([6.2m, 1.3m], distances.Select(d => d.ConfirmedKm));
            Assert.Equal([true, false], distances.Select(d => d.IsReferred));

            // The letter: a tagged PDF in Nynorsk, read back.
            var letter = await db.Documents.SingleAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.ReferralLetter);
            Assert.Equal(letter.Id, distances[0].ReferralLetterId);
            var bytes = (await db.DocumentContents.SingleAsync(c => c.DocumentId == letter.Id)).Content;
            var text = Whitespace().Replace(await DecisionTests.PdfTextAsync(bytes), " ");
            foreach (var expected in new[]
            {
                "Ola Nordmann", "opplæringslova § 4-1 første ledd", "3. trinn", "lengre enn 4 km", "6,2 km", "Målt i Norgeskart",
                "Storvegen 1", "Vestland fylkeskommune – Skyss skuleskyss", "Postboks 7900", "5020 Bergen", "svarar dykk",
                "handsamar kommunen søknaden vidare", "Fjellvegen 9", "Sunnfjord kommune",
            })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }

            // The forwarding to the county's unit: an e-mail listing the documents, stored and journaled outgoing.
            var forwarding = await db.OutboxMessages.SingleAsync(m => m.CaseId == caseId && m.Kind == "CaseForwardedToCounty");
            Assert.Equal("skuleskyss.vestland@demo.skoleskyss.no", forwarding.Recipient);
            Assert.Contains(letter.FileName, forwarding.Body, StringComparison.Ordinal);
            Assert.Contains("6,2 km (Målt i Norgeskart", forwarding.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("15091550013", forwarding.Body, StringComparison.Ordinal);
            var forwardingDocument = await db.Documents.SingleAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.CountyForwarding);
            var journal = await db.JournalEntries.Where(j => j.CaseId == caseId).ToListAsync();
            Assert.Contains(journal, j => j.Kind == JournalEntryKind.Outgoing && j.DocumentId == letter.Id);
            Assert.Contains(journal, j => j.Kind == JournalEntryKind.Outgoing && j.DocumentId == forwardingDocument.Id && j.PublicTitle.Contains("Vestland fylkeskommune", StringComparison.Ordinal));
            Assert.Equal(2, journal.Count(j => j.Kind == JournalEntryKind.Note && j.Title.Contains("Stadfesta gangavstand", StringComparison.Ordinal)));
            Assert.DoesNotContain(journal, j => j.PublicTitle.Contains("Nordmann", StringComparison.Ordinal));
            Assert.Contains(await db.OutboxMessages.Where(m => m.CaseId == caseId && m.Kind == "ReferredToCounty").Select(m => m.Recipient).ToListAsync(), r => r == "foresatt@example.no");
            var audit = await db.AuditEvents.Where(e => e.ObjectId == caseId.ToString()).Select(e => e.Action).ToListAsync();
            Assert.Equal(2, audit.Count(a => a == "HomeDistanceConfirmed"));
            Assert.Single(audit, a => a == "HomeReferredToCounty");
        }

        // Mine saker: that home's part was sent to the county, when, and that the county answers.
        var (_, mine) = await FollowingAsync(parent, $"/mine-saker/{caseId}?kommune={Sunnfjord}");
        var referral = mine.QuerySelector("#referral")!.TextContent;
        Assert.Contains("Storvegen 1", referral, StringComparison.Ordinal);
        Assert.Contains("Vestland fylkeskommune – Skyss skuleskyss", referral, StringComparison.Ordinal);
        Assert.Contains("svarar dykk", referral, StringComparison.Ordinal);
        Assert.Matches(@"\d{1,2}\. \w+ \d{4}", referral);

        // A referred home keeps its distance.
        var (_, after) = await staff.GetAsync(path);
        Assert.Null(after.QuerySelector("form[action*='handler=Confirm']:has(input[name='HomeIndex'][value='0'])"));
    }

    [Fact]
    public async Task When_every_home_is_referred_the_case_goes_to_the_county_by_the_caseworker()
    {
        const string nin = "15076500565";
        var parent = await ApplicationJourneyTests.SignInAsync(app, nin, "Per Hansen");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Per Hansen", [("Storvegen 1", 6.0m), ("Dalen 3", 5.0m)]);
        var staff = await StaffAsync(SunnfjordCaseworker);
        var path = $"/ansatt/saker/{caseId}/avstand";
        await ConfirmAsync(staff, path, 0, "6.4", "Kommunen si kartløysing");
        await ConfirmAsync(staff, path, 1, "4,05", "Målt i Norgeskart");
        foreach (var home in new[] { 0, 1 })
        {
            var (_, page) = await staff.GetAsync(path);
            var (referred, _) = await staff.SubmitAsync(page, $"form[action*='handler=Refer']:has(input[name='HomeIndex'][value='{home}'])", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseState.ReferredToCounty, @case.State);
            var last = @case.Events.OrderBy(e => e.Sequence).Last();
            Assert.Equal((CaseTrigger.ReferToCounty, CaseActorRole.Caseworker), (last.Trigger, last.ActorRole));
            Assert.Equal(2, await db.Documents.CountAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.ReferralLetter));
        }

        var (_, mine) = await FollowingAsync(parent, $"/mine-saker/{caseId}?kommune={Sunnfjord}");
        Assert.Contains("Saka vart send til fylkeskommunen", mine.QuerySelector("#referral")!.TextContent, StringComparison.Ordinal);
        Assert.Null(mine.QuerySelector("#case-handling"));
    }

    [Fact]
    public async Task While_the_municipality_waits_for_information_one_home_may_go_but_not_the_last_one()
    {
        const string nin = "15076500565";
        await ApplicationJourneyTests.SignInAsync(app, nin, "Siri Dahl");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Siri Dahl", [("Storvegen 1", 6.0m), ("Dalen 3", 5.0m)]);
        var staff = await StaffAsync(SunnfjordCaseworker);
        var path = $"/ansatt/saker/{caseId}/avstand";
        await ConfirmAsync(staff, path, 0, "6,4", "Målt i Norgeskart");
        await ConfirmAsync(staff, path, 1, "5,1", "Målt i Norgeskart");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            var caseworker = new CaseActor("staff-referral-test", CaseActorRole.Caseworker);
            Assert.True(@case.Apply(CaseTrigger.StartAssessment, caseworker, DateTimeOffset.UtcNow).Succeeded);
            Assert.True(@case.Apply(CaseTrigger.RequestInformation, caseworker, DateTimeOffset.UtcNow, "Svarfrist 21.12.2026").Succeeded);
            await db.SaveChangesAsync();
        }

        var (_, page) = await staff.GetAsync(path);
        var (first, _) = await staff.SubmitAsync(page, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='0'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        (_, page) = await staff.GetAsync(path);
        var (last, lastPage) = await staff.SubmitAsync(page, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='1'])", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Contains("venter på opplysninger", lastPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(CaseState.AwaitingInformation, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
            Assert.Equal([true, false], await db.HomeDistances.Where(d => d.CaseId == caseId).OrderBy(d => d.HomeIndex).Select(d => d.ReferredAt != null).ToListAsync());
            Assert.Equal(1, await db.Documents.CountAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.ReferralLetter));
        }
    }

    [Fact]
    public async Task In_Melhus_the_letter_is_in_Bokmal_and_the_case_is_forwarded_to_Trondelag_fylkeskommune()
    {
        const string nin = "13097248022";
        await ApplicationJourneyTests.SignInAsync(app, nin, "Liv Berg");
        var caseId = await SubmitAsync("5028", nin, "Liv Berg", [("Gimsvegen 4", 4.5m)]);
        var staff = await StaffAsync(MelhusCaseworker);
        var path = $"/ansatt/saker/{caseId}/avstand";
        await ConfirmAsync(staff, path, 0, "4,3", "Kommunens kartløsning");
        var (_, page) = await staff.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(page, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='0'])", new Dictionary<string, string>())).Response.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.ReferredToCounty, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        var letter = await db.Documents.SingleAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.ReferralLetter);
        var text = Whitespace().Replace(await DecisionTests.PdfTextAsync((await db.DocumentContents.SingleAsync(c => c.DocumentId == letter.Id)).Content), " ");
        foreach (var expected in new[] { "Melhus kommune", "Liv Berg", "opplæringslova § 4-1 første ledd", "lengre enn 4 km", "4,3 km", "Kommunens kartløsning", "Trøndelag fylkeskommune – AtB skoleskyss", "7735 Steinkjer", "svarer dere" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("For hjemmet i", text, StringComparison.Ordinal);
        var forwarding = await db.OutboxMessages.SingleAsync(m => m.CaseId == caseId && m.Kind == "CaseForwardedToCounty");
        Assert.Equal("skoleskyss.trondelag@demo.skoleskyss.no", forwarding.Recipient);
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_can_neither_confirm_nor_refer()
    {
        const string nin = "13097248022";
        await ApplicationJourneyTests.SignInAsync(app, nin, "Liv Berg");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Liv Berg", [("Storvegen 1", 6.0m)]);
        var own = await StaffAsync(SunnfjordCaseworker);
        var (_, page) = await own.GetAsync($"/ansatt/saker/{caseId}/avstand");
        var melhus = await StaffAsync(MelhusCaseworker);

        var (seen, _) = await melhus.GetAsync($"/ansatt/saker/{caseId}/avstand");
        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
        var (_, melhusQueue) = await melhus.GetAsync("/ansatt/saker");
        var token = melhusQueue.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        foreach (var (handler, values) in new[]
        {
            ("Confirm", new Dictionary<string, string> { ["HomeIndex"] = "0", ["DistanceKm"] = "6,1", ["Source"] = "Norgeskart", ["MeasuredOn"] = "2026-12-01" }),
            ("Refer", new Dictionary<string, string> { ["HomeIndex"] = "0" }),
        })
        {
            values["__RequestVerificationToken"] = token;
            var response = await melhus.Http.PostAsync(new Uri($"/ansatt/saker/{caseId}/avstand?handler={handler}", UriKind.Relative), new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.NotNull(page);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.HomeDistances.AnyAsync(d => d.CaseId == caseId));
        Assert.Equal(CaseState.Submitted, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    [Fact]
    public async Task A_referral_is_no_outcome_on_the_decision_page_and_the_decision_names_the_home_sent_to_the_county()
    {
        const string nin = "12838510068";
        await ApplicationJourneyTests.SignInAsync(app, nin, "Kjersti Vik");
        var caseId = await SubmitAsync(Sunnfjord, nin, "Kjersti Vik", [("Storvegen 1", 6.0m), ("Fjellvegen 9", 1.3m)]);
        var staff = await StaffAsync(SunnfjordCaseworker);
        var path = $"/ansatt/saker/{caseId}/avstand";
        await ConfirmAsync(staff, path, 0, "6,2", "Målt i Norgeskart");
        var (_, distances) = await staff.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(distances, "form[action*='handler=Refer']:has(input[name='HomeIndex'][value='0'])", new Dictionary<string, string>())).Response.StatusCode);

        // The other home stays with the municipality: taken, assessed and decided as usual.
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>())).Response.StatusCode);
        await RecordedAssessments.RecordAsync(app, caseId, Sunnfjord, Domain.Rules.TransportOutcome.YearRound);
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        Assert.Null(vedtak.QuerySelector("input[name='Outcome'][value='ReferredToCounty']"));

        // A crafted POST with the old outcome gets a clear message, and no draft.
        var (crafted, craftedPage) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "ReferredToCounty", ["Grounds"] = "Avstand." });
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Contains("ikke et utfall av et vedtak", craftedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Decisions.AnyAsync(d => d.CaseId == caseId));
        }

        var (saved, _) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "GrantedYearRound" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preview = await staff.Http.GetStringAsync(new Uri($"/ansatt/saker/{caseId}/vedtak?handler=Preview", UriKind.Relative));
        var text = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(preview), " ");
        Assert.Contains("Retten til skyss frå heimen i Storvegen 1, 6800 Førde gjeld avstand og vart send til fylkeskommunen", text, StringComparison.Ordinal);
        Assert.Contains("skulevegen frå Fjellvegen 9, 6800 Førde", text, StringComparison.Ordinal);
    }

    private static async Task ConfirmAsync(PageClient staff, string path, int home, string km, string source)
    {
        var (_, page) = await staff.GetAsync(path);
        var (response, _) = await staff.SubmitAsync(page, $"form[action*='handler=Confirm']:has(input[name='HomeIndex'][value='{home}'])", new Dictionary<string, string>
        {
            ["HomeIndex"] = home.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DistanceKm"] = km,
            ["Source"] = source,
            ["MeasuredOn"] = "2026-12-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> FollowingAsync(PageClient client, string url)
    {
        var (response, document) = await client.GetAsync(url);
        for (var i = 0; i < 3 && response.StatusCode == HttpStatusCode.Redirect; i++)
        {
            (response, document) = await client.FollowAsync(response);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, document);
    }

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        var response = await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A søknad in grade 3 with the given homes (address, the guardian's estimate), sent through the handlers.</summary>
    internal static Task<Guid> SubmitAsync(SkoleskyssAppFactory app, string municipality, string applicantNin, string applicantName, IReadOnlyList<(string Address, decimal Km)> homes) =>
        SubmitWithHomesAsync(app, municipality, applicantNin, applicantName, homes);

    private Task<Guid> SubmitAsync(string municipality, string applicantNin, string applicantName, IReadOnlyList<(string Address, decimal Km)> homes) =>
        SubmitWithHomesAsync(app, municipality, applicantNin, applicantName, homes);

    private static async Task<Guid> SubmitWithHomesAsync(SkoleskyssAppFactory app, string municipality, string applicantNin, string applicantName, IReadOnlyList<(string Address, decimal Km)> homes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var pseudonym = services.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(applicantNin);
        var db = services.GetRequiredService<AppDbContext>();
        var school = await db.Schools.Where(s => s.MunicipalityNumber == municipality && s.LowestGrade <= 3 && s.HighestGrade >= 3 && !s.IsPrivate).OrderBy(s => s.Name).Select(s => s.Id).FirstAsync();
        var started = await services.GetRequiredService<ISender>().Send(new StartApplicationCommand(municipality, pseudonym, applicantNin, applicantName), default);
        var caseId = ResultAssert.Ok(started).CaseId;
        ApplicationStep[] steps =
        [
            new ChildStep(new ApplicationChild("Tone Nordmann", "15091550013", 3, school, 2026)),
            new GuardiansStep([new ApplicationGuardian(applicantName, "foresatt@example.no", null, null, IsApplicant: true)]),
            new HomesStep(homes.Select(h => new ApplicationHome(h.Address, "6800", "Førde", h.Km)).ToList()),
            new RouteStep(new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None)])),
            new ReasonsStep(new ApplicationReasons("Ingen fortau.", new Dictionary<SubjectiveFactor, string>()), TransportPeriod.WholeSchoolYear),
            new DeclarationStep(true),
        ];
        foreach (var step in steps)
        {
            ResultAssert.Ok(await services.GetRequiredService<ISender>().Send(new SaveApplicationStepCommand(caseId, pseudonym, step), default));
        }

        ResultAssert.Ok(await services.GetRequiredService<ISender>().Send(new SubmitApplicationCommand(caseId, pseudonym), default));
        return caseId;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
