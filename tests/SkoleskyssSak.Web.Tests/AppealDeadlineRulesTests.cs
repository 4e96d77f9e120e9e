using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Deadlines;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 11, the appeal deadline through the app: the letter names the last day (fvl. § 27), an appeal registered without
/// the day the notice reached the party is counted from the day the letter was made available in Mine saker, and a late
/// appeal more than one year after the decision cannot be considered (fvl. § 31 third paragraph).
/// </summary>
public sealed class AppealDeadlineRulesTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");

    [Fact]
    public async Task Fvl_27_the_decision_letter_names_the_last_day_of_the_appeal_deadline_as_a_date()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued);
        var letter = await db.DocumentContents.SingleAsync(c => c.DocumentId == decision.LetterDocumentId);
        var text = System.Text.RegularExpressions.Regex.Replace(await DecisionTests.PdfTextAsync(letter.Content), @"\s+", " ");

        var lastDay = AppealDeadline.From(NorwegianTime.Today(decision.IssuedAt!.Value));
        Assert.Contains($"Siste dag for å klage er {lastDay.ToString("d. MMMM yyyy", Bokmal)}", text, StringComparison.Ordinal);
        Assert.Contains("gjort tilgjengelig for deg i Mine saker", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appeal_registered_without_the_notice_day_is_counted_from_the_day_the_letter_was_made_available()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var staff = await AppealTests.StaffAsync(app);
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var label = page.QuerySelector("label[for='AppealNoticeOn']")!.TextContent;
        Assert.Contains("gjort tilgjengelig for foresatte i Mine saker", label, StringComparison.Ordinal);

        var today = NorwegianTime.Today(DateTimeOffset.UtcNow);
        var (registered, _) = await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string>
        {
            ["AppealChannel"] = "Paper",
            ["AppealReceivedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["AppealSummary"] = "Klagen kom i posten.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var decision = await db.Decisions.SingleAsync(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued);
        var madeAvailable = NorwegianTime.Today(decision.IssuedAt!.Value);
        var appeal = await db.Appeals.SingleAsync(a => a.CaseId == caseId);
        Assert.Equal(madeAvailable, appeal.NoticeReceivedOn);
        Assert.Equal(AppealDeadline.From(madeAvailable), appeal.Deadline);
        Assert.False(appeal.IsLate);
    }

    [Fact]
    public async Task Fvl_31_third_paragraph_a_late_appeal_more_than_one_year_after_the_decision_is_refused_with_a_clear_message()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The decision was made 400 days ago.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE decisions SET issued_at = issued_at - interval '400 days' WHERE case_id = {caseId}"));
        }

        var staff = await AppealTests.StaffAsync(app);
        var (_, page) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var today = NorwegianTime.Today(DateTimeOffset.UtcNow);
        var (registered, _) = await staff.UploadAsync(page, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string>
        {
            ["AppealChannel"] = "Paper",
            ["AppealReceivedOn"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["AppealSummary"] = "Klagen kom i posten over et år etter vedtaket.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var (_, appealed) = await staff.FollowAsync(registered);

        var (refused, refusedPage) = await staff.SubmitAsync(appealed, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string> { ["LateReason"] = "Foreldrene var bortreist." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("mer enn ett år", refusedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("forvaltningsloven § 31 tredje ledd", refusedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        await using var check = app.Services.CreateAsyncScope();
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.AppealReceived, (await checkDb.Cases.SingleAsync(c => c.Id == caseId)).State);
        var appeal = await checkDb.Appeals.SingleAsync(a => a.CaseId == caseId);
        Assert.True(appeal.IsLate);
        Assert.Null(appeal.LateHandling);
    }
}
