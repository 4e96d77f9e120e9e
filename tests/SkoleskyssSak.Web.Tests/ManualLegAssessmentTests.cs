using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 11: a leg no row of the municipality's rulebook covers ("krever manuell vurdering") is assessed by the caseworker
/// on the assessment page — a verdict with reasons, stored in the case assessment in PostgreSQL, audited and journaled,
/// shown with who and when — before a decision; the decision page names the legs still missing and refuses to issue; the
/// letter (read back as PDF text) says a leg "er vurdert særskilt"/"særskild" only with the assessment quoted; the appeal
/// body's bundle shows it; another municipality's caseworker cannot record one.
/// </summary>
public sealed class ManualLegAssessmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string Reasons = "Vegen har ingen skulder, 80 km/t og mye tungtrafikk; sikten i svingen ved brua er under 50 meter.";

    // Melhus Tabell 1 (seed 002, kap. 6) has no row for national roads.
    private static readonly RouteLeg NationalRoad = new(LegKind.Along, RoadCategory.National, 80, 3000, PedestrianFacility.None);

    // Sunnfjord's matrix (seed 001, kap. 6) does not cover a county road at 40 km/t (SunnfjordRulebookTests).
    private static readonly RouteLeg SunnfjordCounty40 = new(LegKind.Along, RoadCategory.County, 40, 200, PedestrianFacility.None, Coverage.None, Coverage.None);

    [Fact]
    public async Task The_caseworker_records_the_assessment_of_a_leg_no_row_covers_with_reasons_who_and_when()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        var (_, page) = await staff.GetAsync(Url(caseId));
        Assert.Contains("krever manuell vurdering", page.QuerySelector("#assessed-legs")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#manual-1-missing"));
        Assert.Equal(3, page.QuerySelectorAll("#manuell-1 form input[name='ManualLegs[1].Outcome']").Length);

        // Reasons are required: a clear Norwegian message on the field, nothing stored, never a 500.
        var (emptyResponse, empty) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string>
        {
            ["ManualLegs[1].Outcome"] = "yearRound",
            ["ManualLegs[1].Reasons"] = "   ",
        });
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.Contains("Skriv begrunnelsen", empty.QuerySelector(".ds-error-summary a[href='#ManualLegs_1__Reasons']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(empty.QuerySelector("#ManualLegs_1__Reasons[aria-invalid=true]"));
        Assert.NotNull(empty.QuerySelector("input[name='ManualLegs[1].Outcome'][value='yearRound'][checked]"));

        // Half an inspection is refused too: date, who and findings together.
        var (halfResponse, half) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string>
        {
            ["ManualLegs[1].Outcome"] = "yearRound",
            ["ManualLegs[1].Reasons"] = Reasons,
            ["ManualLegs[1].InspectedBy"] = "Morten og vegeier",
        });
        Assert.Equal(HttpStatusCode.OK, halfResponse.StatusCode);
        Assert.NotNull(half.QuerySelector(".ds-error-summary a[href='#ManualLegs_1__Findings']"));

        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (saved, _) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string>
        {
            ["ManualLegs[1].Outcome"] = "yearRound",
            ["ManualLegs[1].Reasons"] = Reasons,
            ["ManualLegs[1].InspectionDate"] = yesterday,
            ["ManualLegs[1].InspectedBy"] = "Morten og vegeier",
            ["ManualLegs[1].Findings"] = "Ingen skulder; brøytekanten tar vegkanten om vinteren.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, after) = await staff.GetAsync(Url(caseId));
        Assert.Contains(Reasons, after.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hele året", after.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Morten Saksbehandler (Melhus)", after.QuerySelector("#manual-1-by")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("krever manuell vurdering", after.QuerySelector("#assessed-legs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Skyss hele året", after.QuerySelector("#matrix-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Reasons, after.QuerySelector("#ManualLegs_1__Reasons")!.TextContent);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var assessment = await db.CaseAssessments.AsNoTracking().SingleAsync(a => a.CaseId == caseId);
            var leg = Assert.Single(assessment.Objective!.Legs);
            Assert.Equal((TransportOutcome.YearRound, Reasons, false), (leg.Outcome, leg.Manual!.Reasons, leg.ManualAssessmentRequired));
            Assert.Equal("Morten og vegeier", leg.Manual.Inspection!.InspectedBy);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ObjectId == caseId.ToString() && a.Action == "ManualLegAssessed"));
            Assert.True(await db.JournalEntries.AnyAsync(j => j.CaseId == caseId && j.Kind == JournalEntryKind.Note && j.Title == "Konkret vurdering av strekning 1"));
        }

        // Changeable until the decision: a colleague records another verdict, and the page says who.
        var colleague = await StaffAsync("saksbehandler2.melhus@demo.skoleskyss.no");
        var (_, again) = await colleague.GetAsync(Url(caseId));
        var (changed, _) = await colleague.SubmitAsync(again, "#manuell-1 form", new Dictionary<string, string>
        {
            ["ManualLegs[1].Outcome"] = "winter",
            ["ManualLegs[1].Reasons"] = "Farlig bare når brøytekanten tar vegskulderen.",
            ["ManualLegs[1].InspectionDate"] = string.Empty,
            ["ManualLegs[1].InspectedBy"] = string.Empty,
            ["ManualLegs[1].Findings"] = string.Empty,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var (_, changedPage) = await colleague.GetAsync(Url(caseId));
        Assert.Contains("om vinteren", changedPage.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Marit Saksbehandler (Melhus)", changedPage.QuerySelector("#manual-1-by")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_keeps_the_verdict_and_a_correction_of_the_leg_drops_it()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, page) = await staff.GetAsync(Url(caseId));
        var (saved, _) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string> { ["ManualLegs[1].Outcome"] = "yearRound", ["ManualLegs[1].Reasons"] = Reasons });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, assessed) = await staff.GetAsync(Url(caseId));
        var (ran, _) = await staff.SubmitAsync(assessed, "form[action*='handler=Run']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        var (_, rerun) = await staff.GetAsync(Url(caseId));
        Assert.Contains(Reasons, rerun.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);

        // The site inspection found another speed limit: another leg, which must be assessed anew.
        var (corrected, _) = await staff.UploadAsync(rerun, "form[action*='handler=Correct']", new Dictionary<string, string>
        {
            ["Correction.Legs[0].Kind"] = "along",
            ["Correction.Legs[0].RoadCategory"] = "national",
            ["Correction.Legs[0].SpeedLimit"] = "60",
            ["Correction.Legs[0].PedestrianFacility"] = "none",
            ["Correction.InspectionDate"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Correction.InspectedBy"] = "Saksbehandler",
            ["Correction.Findings"] = "Fartsgrensen er 60 km/t.",
        }, []);
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var (_, after) = await staff.GetAsync(Url(caseId));
        Assert.NotNull(after.QuerySelector("#manual-1-missing"));
        Assert.Null(after.QuerySelector("#manual-1-recorded"));
        Assert.Contains("krever manuell vurdering", after.QuerySelector("#assessed-legs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_form_is_a_conflict_that_keeps_what_was_typed()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, page) = await staff.GetAsync(Url(caseId));
        var (first, _) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string> { ["ManualLegs[1].Outcome"] = "none", ["ManualLegs[1].Reasons"] = "Bred skulder." });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var (conflictResponse, conflict) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string> { ["ManualLegs[1].Outcome"] = "yearRound", ["ManualLegs[1].Reasons"] = Reasons });
        Assert.Equal(HttpStatusCode.OK, conflictResponse.StatusCode);
        Assert.Contains("samtidig", conflict.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Reasons, conflict.QuerySelector("#ManualLegs_1__Reasons")!.TextContent);
        Assert.Contains("Bred skulder.", conflict.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipalitys_caseworker_cannot_record_one()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        var melhus = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, page) = await melhus.GetAsync(Url(caseId));

        // Sunnfjord's caseworker posting Melhus' form (with their own antiforgery token: the page of their own case list).
        var sunnfjord = await StaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
        var (_, own) = await sunnfjord.GetAsync("/ansatt/saker");
        var token = own.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Revision"] = page.QuerySelector("#manuell-1 form input[name='Revision']")!.GetAttribute("value")!,
            ["ManualLeg"] = "1",
            ["ManualLegs[1].Outcome"] = "none",
            ["ManualLegs[1].Reasons"] = "Ikke farlig.",
            ["__RequestVerificationToken"] = token ?? string.Empty,
        });
        var posted = await sunnfjord.Http.PostAsync(new Uri(Url(caseId) + "?handler=Manual", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);

        // And through the handler with Sunnfjord's municipality: not found, nothing stored.
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await services.GetRequiredService<ISender>().Send(
            new AssessManualLegCommand(caseId, "4647", "sunnfjord-staff", 1, 1, TransportOutcome.None, "Ikke farlig."), default);
        Assert.IsType<Failure.NotFound>(result.Failure);
        var assessment = await services.GetRequiredService<AppDbContext>().CaseAssessments.AsNoTracking().SingleAsync(a => a.CaseId == caseId);
        Assert.Null(assessment.Objective!.Legs[0].Manual);
        Assert.True(assessment.Objective.Legs[0].ManualAssessmentRequired);
    }

    [Fact]
    public async Task No_decision_is_issued_while_a_leg_lacks_its_assessment_and_the_form_does_not_default_to_refusal()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        await RecordedAssessments.RecordAsync(app, caseId, "5028");
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");

        // The page names the leg and links to the assessment; no outcome is preselected (today's default: none, not "Avslag").
        var (_, vedtak) = await staff.GetAsync(Vedtak(caseId));
        var missing = vedtak.QuerySelector("#manual-legs-missing")!;
        Assert.Contains("strekning 1", missing.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/ansatt/saker/{caseId}/vurdering#manuell-vurdering", missing.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(vedtak.QuerySelector("input[name='Outcome'][checked]"));
        Assert.DoesNotContain("vurdert særskilt", vedtak.QuerySelector("#Grounds")!.TextContent, StringComparison.Ordinal);

        // Grounds written by hand (no [[…]] left) do not get around it: issuing is refused, naming the leg.
        var (saved, _) = await staff.SubmitAsync(vedtak, "#decision-form", new Dictionary<string, string>
        {
            ["Outcome"] = "Refused",
            ["Grounds"] = "Skolevegen følger riksvegen uten skulder.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, ready) = await staff.GetAsync(Vedtak(caseId));
        var (refused, refusedPage) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", DecisionTests.Confirm);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = refusedPage.QuerySelector(".ds-error-summary")!.TextContent;
        Assert.Contains("strekning 1", summary, StringComparison.Ordinal);
        Assert.Contains("konkret", summary, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(CaseState.InAssessment, (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.SingleAsync(c => c.Id == caseId)).State);
    }

    [Fact]
    public async Task The_letter_quotes_the_assessment_and_the_appeal_bodys_bundle_shows_it()
    {
        var caseId = await ObjectiveRunAsync("5028", NationalRoad);
        var staff = await StaffAsync("saksbehandler.melhus@demo.skoleskyss.no");
        var (_, page) = await staff.GetAsync(Url(caseId));
        var (saved, _) = await staff.SubmitAsync(page, "#manuell-1 form", new Dictionary<string, string> { ["ManualLegs[1].Outcome"] = "yearRound", ["ManualLegs[1].Reasons"] = Reasons });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await RecordedAssessments.RecordAsync(app, caseId, "5028");

        // The assessment now gives year-round transport: proposed, and the grounds quote the leg's assessment, no [[…]].
        var (_, vedtak) = await staff.GetAsync(Vedtak(caseId));
        Assert.Null(vedtak.QuerySelector("#manual-legs-missing"));
        Assert.Equal("GrantedYearRound", vedtak.QuerySelector("input[name='Outcome'][checked]")!.GetAttribute("value"));
        var grounds = vedtak.QuerySelector("#Grounds")!.TextContent;
        Assert.DoesNotContain("[[", grounds, StringComparison.Ordinal);
        Assert.Contains("Strekning 1 er ikke dekket av retningslinjen og er vurdert særskilt", grounds, StringComparison.Ordinal);

        var text = await DecisionTests.IssueAndReadLetterAsync(staff, caseId, new Dictionary<string, string> { ["Outcome"] = "GrantedYearRound" });
        Assert.Contains("er vurdert særskilt", text, StringComparison.Ordinal);
        Assert.Contains("strekningen er særlig farlig eller vanskelig hele året", text, StringComparison.Ordinal);
        Assert.Contains(Reasons, text, StringComparison.Ordinal);
        Assert.DoesNotContain("[[", text, StringComparison.Ordinal);

        // Decided: the assessment is no longer changed (a decision is changed only by a new one, fvl. § 35).
        var (_, decided) = await staff.GetAsync(Url(caseId));
        Assert.Null(decided.QuerySelector("#manuell-1 form"));
        Assert.Contains(Reasons, decided.QuerySelector("#manual-1-recorded")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await ForwardedCases.ForwardAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), caseId, "sf-trondelag", 2);
        }

        var governor = await StaffAsync("klage.trondelag@demo.skoleskyss.no");
        var bundle = await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var bundleText = System.Text.RegularExpressions.Regex.Replace(await DecisionTests.PdfTextAsync(await bundle.Content.ReadAsByteArrayAsync(), tagged: false), @"\s+", " ");
        Assert.Contains("Strekning 1 er ikke dekket av retningslinjen og er vurdert særskilt", bundleText, StringComparison.Ordinal);
        Assert.Contains(Reasons, bundleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sunnfjord_writes_the_quoted_assessment_in_Nynorsk()
    {
        var caseId = await ObjectiveRunAsync("4647", SunnfjordCounty40);
        const string grunngiving = "Vegen er smal og utan skulder, og sikta er dårleg i svingane.";
        await RecordManualAsync(caseId, "4647", TransportOutcome.Winter, grunngiving);
        await RecordedAssessments.RecordAsync(app, caseId, "4647");
        var staff = await StaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");

        var text = await DecisionTests.IssueAndReadLetterAsync(staff, caseId, new Dictionary<string, string> { ["Outcome"] = "GrantedWinter" });
        Assert.Contains("er ikkje dekt av retningslinja og er vurdert særskild", text, StringComparison.Ordinal);
        Assert.Contains("strekninga er særleg farleg eller vanskeleg om vinteren", text, StringComparison.Ordinal);
        Assert.Contains(grunngiving, text, StringComparison.Ordinal);
        Assert.DoesNotContain("vurdert særskilt", text, StringComparison.Ordinal);
    }

    private static string Url(Guid caseId) => $"/ansatt/saker/{caseId}/vurdering";

    private static string Vedtak(Guid caseId) => $"/ansatt/saker/{caseId}/vedtak";

    /// <summary>Kari Nordmann's søknad with <paramref name="leg"/>, taken into assessment and the matrix run (through the handlers).</summary>
    private async Task<Guid> ObjectiveRunAsync(string municipality, RouteLeg leg)
    {
        var caseId = await SubmittedCases.ThroughHandlersAsync(app, municipality, KariNordmann, "Kari Nordmann", leg: leg);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor("staff-test", CaseActorRole.Caseworker), DateTimeOffset.UtcNow).Succeeded);
        await db.SaveChangesAsync();
        var ran = await services.GetRequiredService<ISender>().Send(new RunObjectiveAssessmentCommand(caseId, municipality, RecordedAssessments.Assessor, 0), default);
        Assert.True(ran.IsOk, ran.ToString());
        var assessment = await db.CaseAssessments.AsNoTracking().SingleAsync(a => a.CaseId == caseId);
        Assert.True(assessment.Objective!.Legs[0].ManualAssessmentRequired);
        return caseId;
    }

    private async Task RecordManualAsync(Guid caseId, string municipality, TransportOutcome verdict, string reasons)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var revision = await services.GetRequiredService<AppDbContext>().CaseAssessments.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => a.Revision).SingleAsync();
        var result = await services.GetRequiredService<ISender>().Send(new AssessManualLegCommand(caseId, municipality, RecordedAssessments.Assessor, revision, 1, verdict, reasons), default);
        Assert.True(result.IsOk, result.ToString());
    }

    private async Task<PageClient> StaffAsync(string email)
    {
        var client = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword)).StatusCode);
        return client;
    }
}
