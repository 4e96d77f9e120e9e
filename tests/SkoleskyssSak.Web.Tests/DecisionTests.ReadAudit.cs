using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 12: the decision page's queries write nothing themselves; the pipeline audits one read per request that shows
/// the page (before: every POST wrote two read rows, the workspace's and the assessment summary's), and the commands'
/// input checks (a referral as outcome, an unconfirmed issue) come back from their validators in Norwegian.
/// </summary>
public sealed partial class DecisionTests
{
    [Fact]
    public async Task Each_request_of_the_decision_page_audits_at_most_one_read_and_the_validators_messages_show()
    {
        var caseId = await SubmitAsync("5028");
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        await staff.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        await RecordedAssessments.RecordAsync(app, caseId, "5028", TransportOutcome.YearRound);
        var before = await AuditAsync(caseId);

        // A GET: one read of the workspace, none of the assessment summary.
        var (_, vedtak) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var afterGet = await AuditAsync(caseId);
        Assert.Equal(1, afterGet.Count(a => a == "DecisionWorkspaceRead") - before.Count(a => a == "DecisionWorkspaceRead"));
        Assert.Equal(before.Count(a => a == "AssessmentRead"), afterGet.Count(a => a == "AssessmentRead"));

        // A save the validator refuses (a referral is no outcome): the message on the page, one read, nothing saved.
        var (refused, refusedPage) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "ReferredToCounty", ["Grounds"] = Grounds });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("er ikke et utfall av et vedtak", refusedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        var afterRefused = await AuditAsync(caseId);
        Assert.Equal(afterGet.Count + 1, afterRefused.Count);
        Assert.Equal("DecisionWorkspaceRead", afterRefused[^1]);

        // A saved draft: the command's audit and a redirect, no read.
        var (saved, _) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "GrantedYearRound", ["Grounds"] = Grounds });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var afterSaved = await AuditAsync(caseId);
        Assert.Equal(["DecisionDraftSaved"], afterSaved.Skip(afterRefused.Count));

        // Issuing without the confirmation: IssueDecision's validator's message on the checkbox, one read, nothing issued.
        var (_, ready) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var afterReady = await AuditAsync(caseId);
        var (unconfirmed, unconfirmedPage) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Kryss av for at du bekrefter utfallet", unconfirmedPage.QuerySelector("#Confirmed-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["DecisionWorkspaceRead"], (await AuditAsync(caseId)).Skip(afterReady.Count));
    }

    /// <summary>The case's audit actions, oldest first.</summary>
    private async Task<List<string>> AuditAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEvents.AsNoTracking().Where(a => a.ObjectId == caseId.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
