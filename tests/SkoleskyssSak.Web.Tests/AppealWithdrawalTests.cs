using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
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
/// Issue 11: the appellant withdraws a pending appeal from "Mine saker" (fvl. § 28: the right of appeal is the party's).
/// The appeal case ends and the decision stands; the withdrawal is journaled, confirmed by letter and audited; the appeal
/// body that had it is told and can no longer decide on it; only a party can do it, and only while the appeal is pending.
/// </summary>
public sealed class AppealWithdrawalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string OlaHansen = "03909010038";
    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");

    [Fact]
    public async Task The_parent_withdraws_an_appeal_under_first_instance_review_and_the_decision_stands_journaled_confirmed_and_audited()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        await AppealAsync(parent, caseId, "5028");
        var staff = await AppealTests.StaffAsync(app);
        var (_, staffPage) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync(staffPage, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>())).Response.StatusCode);
        var (_, queueBefore) = await staff.GetAsync("/ansatt/saker");
        Assert.Contains($"/ansatt/saker/{caseId}", queueBefore.Body!.InnerHtml, StringComparison.Ordinal);

        // The case page offers "Trekk klagen", which leads to a confirmation step saying what happens.
        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var link = sak.QuerySelector("#withdraw-appeal a")!;
        Assert.Equal("Trekk klagen", link.TextContent.Trim());
        var (_, confirmation) = await parent.GetAsync(link.GetAttribute("href")!);
        var today = Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow);
        var decidedOn = await DecidedOnAsync(caseId);
        var deadline = Domain.Deadlines.AppealDeadline.From(decidedOn);
        var whatHappens = confirmation.QuerySelector("#what-happens")!.TextContent;
        Assert.Contains($"Vedtaket av {decidedOn.ToString("d. MMMM yyyy", Bokmal)} står ved lag.", whatHappens, StringComparison.Ordinal);
        Assert.Contains($"innen klagefristen {deadline.ToString("d. MMMM yyyy", Bokmal)} (forvaltningsloven § 29)", whatHappens, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 31", whatHappens, StringComparison.Ordinal);
        Assert.Null(confirmation.QuerySelector("#body-told"));

        var (withdrawn, _) = await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (_, after) = await parent.FollowAsync(withdrawn);
        Assert.NotNull(after.QuerySelector("#appeal-withdrawn-status[role='status']"));
        var day = today.ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Klagen ble trukket {day}; vedtaket står ved lag.", after.QuerySelector("#appeal-withdrawn")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("#withdraw-appeal"));
        Assert.Contains($"klagen ble trukket {day}", after.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseState.Decided, @case.State);
            var last = @case.Events.OrderBy(e => e.Sequence).Last();
            Assert.Equal((CaseTrigger.WithdrawAppeal, CaseState.FirstInstanceReview, CaseActorRole.Guardian), (last.Trigger, last.From, last.ActorRole));
            Assert.NotNull((await db.Appeals.SingleAsync(a => a.CaseId == caseId)).WithdrawnAt);

            // Journal: incoming from the party, and the confirmation letter outgoing with its document.
            Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Incoming && j.PublicTitle.StartsWith("Klage på vedtak om skoleskyss trukket")));
            var letter = await db.Documents.SingleAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.AppealWithdrawalConfirmation);
            Assert.Equal("application/pdf", letter.ContentType);
            Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Outgoing && j.DocumentId == letter.Id));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealWithdrawn"));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealWithdrawnMunicipality" && m.Recipient == "saksbehandler.melhus@demo.skoleskyss.no"));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "AppealWithdrawnAppealBody"));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == "AppealWithdrawn" && a.ObjectId == caseId.ToString()));
        }

        // The confirmation letter is a real (tagged) PDF the parent reads in Mine saker.
        var text = await DocumentTextAsync(parent, after, "klage-trukket-");
        Assert.Contains("Klagen er trukket – vedtaket står ved lag", text, StringComparison.Ordinal);
        Assert.Contains($"Vedtaket av {decidedOn.ToString("d. MMMM yyyy", Bokmal)} står ved lag", text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 29", text, StringComparison.Ordinal);
        Assert.Contains("Melhus kommune", text, StringComparison.Ordinal);

        // The caseworker's case page shows it; the queue no longer lists it as an appeal to handle.
        var (_, staffAfter) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Contains($"klagen ble trukket {day}", staffAfter.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);
        Assert.Null(staffAfter.QuerySelector("form[action*='handler=ForwardAppeal']"));
        var (_, queueAfter) = await staff.GetAsync("/ansatt/saker");
        Assert.DoesNotContain($"/ansatt/saker/{caseId}", queueAfter.Body!.InnerHtml, StringComparison.Ordinal);

        // A second POST of the same confirmation: a clear message, nothing changed.
        var (again, againPage) = await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Klagen kan ikke trekkes nå", againPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var check = app.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await checkDb.CaseEvents(caseId, CaseTrigger.WithdrawAppeal));
        Assert.Equal(1, await checkDb.Documents.CountAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.AppealWithdrawalConfirmation));
    }

    [Fact]
    public async Task A_forwarded_appeal_withdrawn_leaves_the_bodys_open_list_the_body_is_told_and_cannot_decide_on_it()
    {
        var caseId = await ForwardedAsync("sf-trondelag", step: 2);
        var governor = await AppealBodyAsync("klage.trondelag");
        var (_, bodyPage) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.NotNull(bodyPage.QuerySelector("#decide-form"));

        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, confirmation) = await parent.GetAsync($"/mine-saker/{caseId}/trekk-klagen?kommune=5028");
        Assert.Contains("Statsforvalteren i Trøndelag", confirmation.QuerySelector("#body-told")!.TextContent, StringComparison.Ordinal);
        var (withdrawn, _) = await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var day = Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow).ToString("d.M.yyyy", CultureInfo.InvariantCulture);

        // The body's list: no longer open, marked "Klagen er trukket" with the date.
        var (_, worklist) = await governor.GetAsync("/klageinstans");
        Assert.DoesNotContain(caseId.ToString(), worklist.QuerySelector("#open-cases")?.InnerHtml ?? string.Empty, StringComparison.Ordinal);
        var row = worklist.QuerySelectorAll("tr").Single(r => r.InnerHtml.Contains(caseId.ToString(), StringComparison.Ordinal));
        Assert.Contains($"Klagen er trukket {day}", row.TextContent, StringComparison.Ordinal);

        // A decision POSTed from the page loaded before: a clear message, nothing recorded.
        var (crafted, craftedPage) = await governor.UploadAsync(bodyPage, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Upheld",
            ["LetterText"] = "Statsforvalteren stadfester vedtaket.",
            [AppealBodyTests.DecideEarly] = "true",
            [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText,
        }, []);
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Contains($"Klagen ble trukket {day}", craftedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(craftedPage.QuerySelector("#decide-form"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.Decided, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        var step = await db.AppealForwardings.SingleAsync(f => f.CaseId == caseId);
        Assert.Equal(AppealBodyOutcome.Withdrawn, step.Outcome);
        Assert.Null(step.DecisionDocumentId);
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.AppealDecisionLetter));
        Assert.Equal(0, await db.CaseEvents(caseId, CaseTrigger.AppealBodyUpholds));
        var notice = await db.OutboxMessages.SingleAsync(m => m.CaseId == caseId && m.Kind == "AppealWithdrawnAppealBody");
        Assert.Equal("klage.trondelag@demo.skoleskyss.no", notice.Recipient);
        Assert.DoesNotContain(KariNordmann, notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kari", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_step_counts_as_withdrawn_in_the_bodys_statistics_not_as_a_decision_in_its_median_days()
    {
        var caseId = await ForwardedAsync("melhus-utm", step: 1);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, confirmation) = await parent.GetAsync($"/mine-saker/{caseId}/trekk-klagen?kommune=5028");
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>())).Response.StatusCode);

        var committee = await AppealBodyAsync("utvalg.melhus");
        var (_, statistics) = await committee.GetAsync("/klageinstans/statistikk");
        var headers = statistics.QuerySelectorAll("#statistics thead th").Select(h => h.TextContent.Trim()).ToList();
        var melhus = statistics.QuerySelectorAll("#statistics tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Melhus", StringComparison.Ordinal))
            .QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("1", melhus[headers.IndexOf("Klagen er trukket")]);
        Assert.Equal("0", melhus[headers.IndexOf("Stadfestet")]);
        Assert.Equal("–", melhus[^1]);
    }

    [Fact]
    public async Task After_the_appeal_body_has_decided_the_button_is_gone_and_a_crafted_POST_gets_a_message_and_changes_nothing()
    {
        var caseId = await ForwardedAsync("sf-trondelag", step: 2);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, pending) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        Assert.NotNull(pending.QuerySelector("#withdraw-appeal"));
        var (_, confirmation) = await parent.GetAsync($"/mine-saker/{caseId}/trekk-klagen?kommune=5028");

        var governor = await AppealBodyAsync("klage.trondelag");
        var (_, bodyPage) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        var (decided, _) = await governor.UploadAsync(bodyPage, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Upheld",
            ["LetterText"] = "Statsforvalteren stadfester vedtaket.",
            [AppealBodyTests.DecideEarly] = "true",
            [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText,
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        Assert.Null(sak.QuerySelector("#withdraw-appeal"));
        var (_, nothing) = await parent.GetAsync($"/mine-saker/{caseId}/trekk-klagen?kommune=5028");
        Assert.NotNull(nothing.QuerySelector("#nothing-to-withdraw"));
        Assert.Null(nothing.QuerySelector("#withdraw-appeal-form"));

        // The state machine refuses the withdrawal (AppealDecided is final): the page says so, nothing changes.
        var (crafted, craftedPage) = await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, crafted.StatusCode);
        Assert.Contains("Klagen kan ikke trekkes nå", craftedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.AppealDecided, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        Assert.Equal(0, await db.CaseEvents(caseId, CaseTrigger.WithdrawAppeal));
        Assert.Null((await db.Appeals.SingleAsync(a => a.CaseId == caseId)).WithdrawnAt);
        Assert.Equal(AppealBodyOutcome.Upheld, (await db.AppealForwardings.SingleAsync(f => f.CaseId == caseId)).Outcome);
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.AppealWithdrawalConfirmation));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == "AppealWithdrawn" && a.ObjectId == caseId.ToString()));
    }

    [Fact]
    public async Task Only_a_guardian_who_is_a_party_can_withdraw_not_another_parent_a_caseworker_of_another_municipality_or_an_anonymous_user()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        await AppealAsync(parent, caseId, "5028");
        var target = $"/mine-saker/{caseId}/trekk-klagen?kommune=5028";

        // Another parent: 404 for the page and for a POST carrying a valid antiforgery token of their own session.
        var other = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri(target, UriKind.Relative))).StatusCode);
        var (_, ownPage) = await other.GetAsync("/mine-saker");
        var (otherPost, _) = await other.SubmitAsync(ownPage, "form[action='/utlogging']", new Dictionary<string, string>(), target);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);

        // A caseworker of another municipality: Mine saker is not theirs at all.
        var sunnfjord = app.NewClient();
        await StaffSignInTests.SignInAsync(sunnfjord, "saksbehandler.sunnfjord@demo.skoleskyss.no", DemoDataSeeder.DemoPassword);
        AssertNotAllowed(await sunnfjord.Http.GetAsync(new Uri(target, UriKind.Relative)));
        var (_, staffHome) = await sunnfjord.GetAsync("/ansatt");
        AssertNotAllowed((await sunnfjord.SubmitAsync(staffHome, "form[action='/utlogging']", new Dictionary<string, string>(), target)).Response);

        // Anonymous: sent to sign in, whether GET or POST.
        var anonymous = app.NewClient();
        AssertNotAllowed(await anonymous.Http.GetAsync(new Uri(target, UriKind.Relative)));
        using var empty = new FormUrlEncodedContent([]);
        AssertNotAllowed(await anonymous.Http.PostAsync(new Uri(target, UriKind.Relative), empty));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.AppealReceived, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        Assert.Null((await db.Appeals.SingleAsync(a => a.CaseId == caseId)).WithdrawnAt);
        Assert.Equal(0, await db.CaseEvents(caseId, CaseTrigger.WithdrawAppeal));

        // The party can (the same page the others could not reach).
        var (_, confirmation) = await parent.GetAsync(target);
        Assert.Equal(HttpStatusCode.Redirect, (await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>())).Response.StatusCode);
    }

    [Fact]
    public async Task Sunnfjord_parents_withdraw_in_Nynorsk_and_get_the_confirmation_letter_in_Nynorsk()
    {
        var caseId = await DecidedCaseAsync("4647", "saksbehandler.sunnfjord@demo.skoleskyss.no");
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        await AppealAsync(parent, caseId, "4647");

        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=4647");
        Assert.Equal("Trekk klaga", sak.QuerySelector("#withdraw-appeal a")!.TextContent.Trim());
        var (_, confirmation) = await parent.GetAsync(sak.QuerySelector("#withdraw-appeal a")!.GetAttribute("href")!);
        Assert.Equal("Vil du trekkje klaga?", confirmation.QuerySelector("h1")!.TextContent.Trim());
        var whatHappens = confirmation.QuerySelector("#what-happens")!.TextContent;
        Assert.Contains("forvaltningslova § 29", whatHappens, StringComparison.Ordinal);
        Assert.Contains("står ved lag", whatHappens, StringComparison.Ordinal);

        var (withdrawn, _) = await parent.SubmitAsync(confirmation, "#withdraw-appeal-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (_, after) = await parent.FollowAsync(withdrawn);
        var day = Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Equal($"Klaga vart trekt {day}; vedtaket står ved lag.", after.QuerySelector("#appeal-withdrawn")!.TextContent.Trim());

        var text = await DocumentTextAsync(parent, after, "klage-trekt-");
        Assert.Contains("Klaga er trekt – vedtaket står ved lag", text, StringComparison.Ordinal);
        Assert.Contains("forvaltningslova § 29", text, StringComparison.Ordinal);
        Assert.Contains("Sunnfjord kommune", text, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Incoming && j.PublicTitle.StartsWith("Klage på vedtak om skuleskyss trekt")));
    }

    /// <summary>The parent appeals the decision from the case page in Mine saker.</summary>
    internal static async Task AppealAsync(PageClient parent, Guid caseId, string municipality)
    {
        var (_, sak) = await parent.GetAsync($"/mine-saker/{caseId}?kommune={municipality}");
        var (sent, _) = await parent.UploadAsync(sak, "#appeal form", new Dictionary<string, string> { ["AppealText"] = "Vegen er farligere enn vurdert: det er ingen vegskulder." }, []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    private static void AssertNotAllowed(HttpResponseMessage response)
    {
        Assert.False(response.IsSuccessStatusCode, $"Expected no access, got {(int)response.StatusCode}");
        Assert.DoesNotContain("klagetrukket", response.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    private static async Task<string> DocumentTextAsync(PageClient parent, IDocument casePage, string fileNameStart)
    {
        var href = casePage.QuerySelectorAll("#documents a").Single(a => a.TextContent.Contains(fileNameStart, StringComparison.Ordinal)).GetAttribute("href")!;
        var pdf = await (await parent.Http.GetAsync(new Uri(href, UriKind.Relative))).Content.ReadAsByteArrayAsync();
        return Regex.Replace(await DecisionTests.PdfTextAsync(pdf), @"\s+", " ");
    }

    private async Task<DateOnly> DecidedOnAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var issued = await db.Decisions.Where(d => d.CaseId == caseId && d.IssuedAt != null).Select(d => d.IssuedAt!.Value).SingleAsync();
        return Domain.Time.NorwegianTime.Today(issued);
    }

    private async Task<Guid> ForwardedAsync(string body, int step)
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        await ForwardedCases.ForwardAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), caseId, body, step);
        return caseId;
    }

    /// <summary>A case of Kari Nordmann in <paramref name="municipality"/> with an issued refusal.</summary>
    private async Task<Guid> DecidedCaseAsync(string municipality, string caseworker)
    {
        var caseId = await DecisionTests.SubmitAsync(app, municipality);
        var staff = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(staff, caseworker, DemoDataSeeder.DemoPassword)).StatusCode);
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        await RecordedAssessments.RecordAsync(app, caseId, municipality, Domain.Rules.TransportOutcome.None);
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen har fortau heile vegen." });
        var (_, ready) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var (issued, _) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        return caseId;
    }

    private async Task<PageClient> AppealBodyAsync(string user)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, user + "@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}

internal static class AppealWithdrawalQueries
{
    /// <summary>How many events of <paramref name="trigger"/> the case has.</summary>
    public static Task<int> CaseEvents(this AppDbContext db, Guid caseId, CaseTrigger trigger) =>
        db.Cases.Where(c => c.Id == caseId).SelectMany(c => c.Events).CountAsync(e => e.Trigger == trigger);
}
