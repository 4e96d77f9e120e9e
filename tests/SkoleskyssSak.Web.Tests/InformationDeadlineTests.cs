using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// A request for information (fvl. § 17) left unanswered past its reply deadline: the caseworker resumes the case on
/// what it holds, never before the deadline (the guardians may still answer until then).
/// </summary>
public sealed class InformationDeadlineTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task After_the_reply_deadline_passed_unanswered_the_caseworker_resumes_the_case()
    {
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var staff = await AppealTests.StaffAsync(app);
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        var (_, taken) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var replyBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (requested, _) = await staff.SubmitAsync(taken, "form[action*='handler=Request']", new Dictionary<string, string> { ["Question"] = "Send et bilde av vegen.", ["ReplyBy"] = replyBy });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        // Before the deadline: refused with the deadline named, the case still waits.
        var (_, waiting) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var (early, earlyPage) = await staff.SubmitAsync(waiting, "form[action*='handler=Resume']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("ikke ute ennå", earlyPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        // The deadline passes without an answer.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE information_requests SET reply_by = current_date - 1 WHERE case_id = {caseId}");
        }

        var (resumed, _) = await staff.SubmitAsync(waiting, "form[action*='handler=Resume']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        var @case = await check.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.Equal(CaseState.InAssessment, @case.State);
        Assert.Contains("ute uten svar", @case.Events.OrderBy(e => e.Sequence).Last().Reason, StringComparison.Ordinal);
    }
}
