using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 6: a late appeal dismissed (fvl. § 31). The dismissal is itself an enkeltvedtak (fvl. § 2 third paragraph) with
/// its grounds, its own letter and the notice of fvl. § 27, and the parent can appeal it.
/// </summary>
public sealed class LateAppealDismissalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string Dismiss = "form[action*='handler=DismissAppeal']";

    [Fact]
    public async Task A_late_appeal_is_dismissed_with_a_reason_by_a_decision_with_its_own_letter_that_the_parent_can_appeal()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var staff = await AppealTests.StaffAsync(app);
        var page = await AppealTests.RegisterLatePaperAppealAsync(staff, caseId);
        var deadline = await DeadlineAsync(caseId);

        // No reason: a message next to the field, nothing changes.
        var (refused, refusedPage) = await staff.SubmitAsync(page, Dismiss, new Dictionary<string, string> { ["DismissReason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("forvaltningsloven § 31", refusedPage.QuerySelector("#DismissReason-error")!.TextContent, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(CaseState.AppealReceived, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
            Assert.Null((await db.Appeals.SingleAsync(a => a.CaseId == caseId)).LateHandling);
            Assert.False(await db.Decisions.AnyAsync(d => d.CaseId == caseId && d.Kind == DecisionKind.LateAppealDismissal));
        }

        const string reason = "Klagen kom ni dager etter fristen, og det er ikke opplyst noe om hvorfor.";
        var (dismissed, _) = await staff.SubmitAsync(refusedPage, Dismiss, new Dictionary<string, string> { ["DismissReason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);

        Guid dismissalId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            Assert.Equal(CaseState.Decided, @case.State);
            var dismissal = @case.Events.Single(e => e.Trigger == CaseTrigger.DismissLateAppeal);
            Assert.Equal("fvl. § 31: " + reason, dismissal.Reason);
            Assert.Equal("5028/v1", dismissal.RulebookVersion);
            var appeal = await db.Appeals.SingleAsync(a => a.CaseId == caseId);
            Assert.Equal(LateAppealHandling.Dismissed, appeal.LateHandling);
            Assert.Equal(reason, appeal.LateHandlingReason);
            var decision = await db.Decisions.OrderByDescending(d => d.IssuedAt).FirstAsync(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued);
            Assert.Equal(DecisionKind.LateAppealDismissal, decision.Kind);
            Assert.Equal(DecisionOutcome.AppealDismissed, decision.Outcome);
            Assert.Equal(reason, decision.Grounds);
            Assert.NotNull(decision.LetterDocumentId);
            dismissalId = decision.Id;
            Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Outgoing && j.DocumentId == decision.LetterDocumentId));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.CaseId == caseId && m.Kind == "LateAppealDismissed"));
        }

        // The caseworker's page: the appeal shows as dismissed, the form is gone, the dismissal is among the decisions.
        var (_, after) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Contains("avvist", after.QuerySelector("#appeals")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector(Dismiss));
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        Assert.Contains("Klage avvist", vedtak.QuerySelector("#issued-decisions")!.TextContent, StringComparison.Ordinal);

        // The letter: the dismissal, the deadline that was missed, the grounds and the right to appeal the dismissal.
        var parent = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var (_, mine) = await parent.GetAsync($"/mine-saker/{caseId}?kommune=5028");
        var link = mine.QuerySelectorAll("#documents a").Single(a => a.TextContent.Contains("avvisning-klage", StringComparison.Ordinal)).GetAttribute("href")!;
        var text = await DecisionTests.PdfTextAsync(await (await parent.Http.GetAsync(new Uri(link, UriKind.Relative))).Content.ReadAsByteArrayAsync());
        Assert.Contains("Vedtak om avvisning av klage", text, StringComparison.Ordinal);
        Assert.Contains("avvises", text, StringComparison.Ordinal);
        Assert.Contains(deadline.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("nb-NO")), text, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven §§ 29 og 31", text, StringComparison.Ordinal);
        Assert.Contains("ni dager etter fristen", text, StringComparison.Ordinal);
        Assert.Contains("Du kan klage", text, StringComparison.Ordinal);

        // The dismissal can itself be appealed: the form is back, with a new deadline running from the dismissal.
        var newDeadline = Domain.Deadlines.AppealDeadline.From(Domain.Time.NorwegianTime.Today(DateTimeOffset.UtcNow)).ToString("d.M.yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Klagefristen er {newDeadline}", mine.QuerySelector("#appeal")!.TextContent, StringComparison.Ordinal);
        var (appealed, _) = await parent.UploadAsync(mine, "#appeal form", new Dictionary<string, string> { ["AppealText"] = "Vi fikk aldri vedtaket i posten." }, []);
        Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        var latest = await check.ServiceProvider.GetRequiredService<AppDbContext>().Appeals.OrderByDescending(a => a.RegisteredAt).FirstAsync(a => a.CaseId == caseId);
        Assert.Equal(dismissalId, latest.DecisionId);
        Assert.False(latest.IsLate);
    }

    [Fact]
    public async Task An_appeal_in_time_cannot_be_dismissed_as_late()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var staff = await AppealTests.StaffAsync(app);
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string> { ["AppealChannel"] = "Email", ["AppealReceivedOn"] = today, ["AppealSummary"] = "Vegen mangler skulder." }, []);
        var (_, registered) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Null(registered.QuerySelector(Dismiss));

        // Posted anyway (a stale page, a crafted request): refused, nothing changes.
        var (refused, refusedPage) = await staff.SubmitAsync(registered, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string> { ["DismissReason"] = "For sent." }, $"/ansatt/saker/{caseId}?handler=DismissAppeal");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("kom etter fristen", refusedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.AppealReceived, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        Assert.False(await db.Decisions.AnyAsync(d => d.CaseId == caseId && d.Kind == DecisionKind.LateAppealDismissal));
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_gets_404()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await AppealTests.RegisterLatePaperAppealAsync(await AppealTests.StaffAsync(app), caseId);

        // A Sunnfjord caseworker, with a form (and its antiforgery token) from a Sunnfjord case of their own.
        var sunnfjord = app.NewClient();
        await StaffSignInTests.SignInAsync(sunnfjord, "saksbehandler.sunnfjord@demo.skoleskyss.no", DemoDataSeeder.DemoPassword);
        var own = await DecisionTests.SubmitAsync(app, "4647");
        var (_, ownPage) = await sunnfjord.GetAsync($"/ansatt/saker/{own}");
        var (response, _) = await sunnfjord.SubmitAsync(ownPage, "form[action*='handler=Take']", new Dictionary<string, string> { ["DismissReason"] = "For sent." }, $"/ansatt/saker/{caseId}?handler=DismissAppeal");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(CaseState.AppealReceived, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    private async Task<DateOnly> DeadlineAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Appeals.SingleAsync(a => a.CaseId == caseId)).Deadline;
    }
}
