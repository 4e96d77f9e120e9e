using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Rana (seed 003, section 3.3): administrasjonen i skolesjefens avdeling reviews as first instance, then formannskapet.
/// The guideline calls formannskapet "siste klageinstans", but for a decision under opplæringslova the department, in
/// practice Statsforvalteren, is the appeal body (Prop. 57 L (2022–2023) chapter 59): formannskapet is an intermediate
/// municipal step, as Melhus' committee, and may not uphold as the last body; it forwards on to Statsforvalteren i Nordland.
/// </summary>
public sealed class RanaAppealChainTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Rana_formannskapet_is_an_intermediate_step_and_forwards_on_to_Statsforvalteren_i_Nordland()
    {
        var caseId = await ForwardedToFormannskapetAsync();
        var formannskap = await SignInAsync("formannskap.rana");
        var (_, page) = await formannskap.GetAsync($"/klageinstans/saker/{caseId}");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Upholding is for the last body of the chain only.
        var (upheld, upheldPage) = await formannskap.UploadAsync(page, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Upheld",
            ["MeetingDate"] = today,
            ["Resolution"] = "Formannskapet opprettholder vedtaket.",
            ["LetterText"] = "Klagen tas ikke til følge.",
            [AppealBodyTests.DecideEarly] = "true",
            [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText,
        }, []);
        Assert.Equal(HttpStatusCode.OK, upheld.StatusCode);
        Assert.NotNull(upheldPage.QuerySelector("#Outcome-error"));

        var (forwarded, forwardedPage) = await formannskap.UploadAsync(upheldPage, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "ForwardedOn",
            ["MeetingDate"] = today,
            ["Resolution"] = "Formannskapet opprettholder vedtaket og sender klagen til Statsforvalteren.",
            ["LetterText"] = "Saken sendes til Statsforvalteren i Nordland.",
            [AppealBodyTests.DecideEarly] = "true",
            [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText,
        }, []);
        Assert.True(forwarded.StatusCode == HttpStatusCode.Redirect, forwardedPage.QuerySelector(".ds-error-summary")?.TextContent);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var steps = await db.AppealForwardings.Where(f => f.CaseId == caseId).OrderBy(f => f.Step).ToListAsync();
            Assert.Equal(["rana-formannskap", "sf-nordland"], steps.Select(s => s.BodyCode));
            Assert.Equal(AppealBodyOutcome.ForwardedOn, steps[0].Outcome);
            Assert.True(steps[1].IsOpen);
            Assert.Equal(CaseState.ForwardedToAppealBody, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        }

        // Statsforvalteren i Nordland finds it in its queue and decides as the last body.
        var governor = await SignInAsync("klage.nordland");
        var (_, queue) = await governor.GetAsync("/klageinstans");
        Assert.Contains(caseId.ToString(), queue.QuerySelector("#open-cases")!.InnerHtml, StringComparison.Ordinal);
        var (_, file) = await governor.GetAsync($"/klageinstans/saker/{caseId}");
        var (decided, decidedPage) = await governor.UploadAsync(file, "#decide-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Upheld",
            ["Resolution"] = "Vedtaket stadfestes.",
            ["LetterText"] = "Statsforvalteren stadfester kommunens vedtak.",
            [AppealBodyTests.DecideEarly] = "true",
            [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText,
        }, []);
        Assert.True(decided.StatusCode == HttpStatusCode.Redirect, decidedPage.QuerySelector(".ds-error-summary")?.TextContent);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(CaseState.AppealDecided, (await check.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    private async Task<Guid> ForwardedToFormannskapetAsync()
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(app, "1833", "12838510068", "Kari Nordmann");
        var caseworker = await SignInAsync("saksbehandler.rana");
        var (_, sak) = await caseworker.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>())).Response.StatusCode);
        await RecordedAssessments.RecordAsync(app, caseId, "1833", Domain.Rules.TransportOutcome.None);
        var (_, vedtak) = await caseworker.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        await caseworker.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen har fortau hele vegen." });
        var (_, ready) = await caseworker.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        Assert.Equal(HttpStatusCode.Redirect, (await caseworker.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm)).Response.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        await ForwardedCases.ForwardAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), caseId, "rana-formannskap", 1);
        return caseId;
    }

    private async Task<PageClient> SignInAsync(string user)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, user + "@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
