using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 6, DESIGN.md §4: when the first instance upholds its decision, the appeal goes to the first body of this
/// municipality's chain — Sunnfjord → Statsforvaltaren i Vestland; Melhus → Utvalg for teknikk og miljø; Rana →
/// formannskapet (then Statsforvalteren i Nordland, see RanaAppealChainTests); Sarpsborg → Statsforvalteren i Østfold, Buskerud, Oslo og Akershus; a private-school pupil → the
/// ministry (privatskolelova § 3-7) — and the forwarding letter names it.
/// </summary>
public sealed class AppealChainTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Montessori = "5b0e3c1e-0205-1833-9000-000000000205";

    public static TheoryData<string, string?, string, string, string, string, string> Chains() => new()
    {
        { "4647", null, "saksbehandler.sunnfjord", "saksbehandler.sunnfjord", "sf-vestland", "Statsforvaltaren i Vestland", "klage.vestland" },
        { "5028", null, "saksbehandler.melhus", "saksbehandler.melhus", "melhus-utm", "Utvalg for teknikk og miljø", "utvalg.melhus" },
        { "1833", null, "saksbehandler.rana", "saksbehandler.rana", "rana-formannskap", "Formannskapet i Rana", "formannskap.rana" },
        // Sarpsborg decides with four-eyes: one caseworker drafts, another sends.
        { "3105", null, "saksbehandler.sarpsborg", "saksbehandler2.sarpsborg", "sf-oboa", "Statsforvalteren i Østfold, Buskerud, Oslo og Akershus", "klage.oboa" },
        { "1833", Montessori, "saksbehandler.rana", "saksbehandler.rana", "kd", "Kunnskapsdepartementet", "klage.kd" },
    };

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task An_upheld_appeal_goes_to_the_first_body_of_the_municipalitys_chain_which_finds_it_in_its_queue(string municipality, string? school, string drafter, string issuer, string body, string bodyName, string member)
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(app, municipality, "12838510068", "Kari Nordmann", school is null ? null : Guid.Parse(school));
        var first = await StaffAsync(drafter);
        var (_, sak) = await first.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>())).Response.StatusCode);
        await RecordedAssessments.RecordAsync(app, caseId, municipality, Domain.Rules.TransportOutcome.None);
        var (_, vedtak) = await first.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        await first.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen har fortau hele vegen." });
        var second = drafter == issuer ? first : await StaffAsync(issuer);
        var (_, ready) = await second.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm)).Response.StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (_, decided) = await first.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.UploadAsync(decided, "form[action*='handler=RegisterAppeal']", new Dictionary<string, string> { ["AppealChannel"] = "Email", ["AppealReceivedOn"] = today, ["AppealSummary"] = "Klage på avslaget." }, [])).Response.StatusCode);
        var (_, appealed) = await first.GetAsync($"/ansatt/saker/{caseId}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(appealed, "form[action*='handler=ConsiderAppeal']", new Dictionary<string, string>())).Response.StatusCode);
        var (_, reviewing) = await first.GetAsync($"/ansatt/saker/{caseId}");
        var (forwarded, _) = await first.SubmitAsync(reviewing, "form[action*='handler=ForwardAppeal']", new Dictionary<string, string> { ["ForwardAssessment"] = "Kommunen opprettholder vedtaket." });
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(CaseState.ForwardedToAppealBody, (await db.Cases.SingleAsync(c => c.Id == caseId)).State);
        var step = await db.AppealForwardings.SingleAsync(f => f.CaseId == caseId);
        Assert.Equal(body, step.BodyCode);
        var letter = await db.DocumentContents.SingleAsync(c => c.DocumentId == step.LetterDocumentId);
        var text = System.Text.RegularExpressions.Regex.Replace(await DecisionTests.PdfTextAsync(letter.Content), @"\s+", " ");
        Assert.Contains(bodyName, text, StringComparison.Ordinal);

        // The body finds it in its own queue and can open the complete file; Melhus' committee and Rana's formannskap forward
        // on (AppealBodyTests and RanaAppealChainTests follow them to Statsforvalteren), every other first body here is the
        // last of its chain and upholds.
        var bodyMember = await StaffAsync(member);
        var (_, queue) = await bodyMember.GetAsync("/klageinstans");
        Assert.Contains(caseId.ToString(), queue.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        var (fileResponse, file) = await bodyMember.GetAsync($"/klageinstans/saker/{caseId}");
        Assert.Equal(HttpStatusCode.OK, fileResponse.StatusCode);
        if (body is "melhus-utm" or "rana-formannskap")
        {
            return;
        }

        var fields = new Dictionary<string, string> { ["Outcome"] = "Upheld", ["Resolution"] = "Vedtaket blir ståande.", ["LetterText"] = "Klaga får ikkje medhald.", [AppealBodyTests.DecideEarly] = "true", [AppealBodyTests.EarlyReason] = AppealBodyTests.EarlyReasonText };

        var (bodyDecision, bodyPage) = await bodyMember.UploadAsync(file, "#decide-form", fields, []);
        Assert.True(bodyDecision.StatusCode == HttpStatusCode.Redirect, bodyPage.QuerySelector(".ds-error-summary")?.TextContent);
        await using var check = app.Services.CreateAsyncScope();
        Assert.Equal(CaseState.AppealDecided, (await check.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    private async Task<PageClient> StaffAsync(string user)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, $"{user}@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
