using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Application.Tests.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Assessments;

/// <summary>
/// Issue 5, objective and subjective assessment against PostgreSQL: the matrix per leg with Melhus Tabell 1 rows cited
/// (seed 002, kap. 6), the version in force on the date of application, a correction after a site inspection, a
/// justified departure, the subjective conclusion, no change after the decision (fvl. § 35), the caseworker's own
/// municipality only, and a conflict instead of a silent overwrite.
/// </summary>
public sealed class AssessmentSpecs
{
    private const string Caseworker = "staff-melhus-1";
    private const string OtherCaseworker = "staff-melhus-2";
    private static readonly RouteLeg WithSidewalk = new(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.Sidewalk, Coverage.Full, Coverage.Full);

    [Fact]
    public async Task The_matrix_gives_each_leg_its_outcome_with_the_Melhus_rows_cited_and_the_summary_quotes_them()
    {
        await using var app = await CreateAsync("assess_run");
        var caseId = await InAssessmentAsync(app);

        AssertOk(await RunAsync(app, caseId));

        var summary = (await SummaryAsync(app, caseId))!;
        Assert.Equal("5028/v1", summary.RulebookVersion);
        Assert.Equal(new DateOnly(2026, 11, 21), summary.ApplicationDate);
        var leg = Assert.Single(summary.Legs);
        Assert.Equal(TransportOutcome.ConsiderWinter, leg.Outcome);
        var row = Assert.Single(leg.Rules);
        Assert.Equal("melhus/T1-08", row.Id);
        Assert.Contains("Fartsgrense 60 - 70 km/t", row.Text, StringComparison.Ordinal);
        Assert.Contains("fylkesveg", leg.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((TransportOutcome.ConsiderWinter, TransportOutcome.ConsiderWinter), (summary.MatrixOutcome, summary.ResultingOutcome));

        await using var db = app.Db();
        var audit = await db.AuditEvents.Where(a => a.ObjectId == caseId.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains("ObjectiveAssessmentRun", audit);
        Assert.Contains("AssessmentRead", audit);
    }

    [Fact]
    public async Task The_version_in_force_on_the_date_of_application_applies_not_the_newest()
    {
        await using var app = await CreateAsync("assess_version");
        var caseId = await InAssessmentAsync(app);
        await using (var db = app.Db())
        {
            // A revised guideline in force from 1 December: the søknad of 21 November is assessed by version 1.
            var v1 = await db.RulebookVersions.SingleAsync(r => r.MunicipalityNumber == "5028" && r.Version == 1);
            var v2 = RulebookVersion.CreateDraft(Guid.CreateVersion7(), "5028", 2, v1.Content, Now);
            Assert.True(v2.Activate(new DateOnly(2026, 12, 1), Now).Succeeded);
            Assert.True(v1.Retire(new DateOnly(2026, 12, 1)).Succeeded);
            db.RulebookVersions.Add(v2);
            await db.SaveChangesAsync();
        }

        AssertOk(await RunAsync(app, caseId));

        Assert.Equal("5028/v1", (await SummaryAsync(app, caseId))!.RulebookVersion);
    }

    [Fact]
    public async Task Correcting_a_leg_after_a_site_inspection_runs_the_matrix_again_with_the_photo_journaled()
    {
        await using var app = await CreateAsync("assess_correct");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        var result = await CorrectAsync(app, caseId, 1, [new UploadedFile("fortau.jpg", TestFiles.Jpeg(), false)]);

        AssertOk(result);
        var summary = (await SummaryAsync(app, caseId))!;
        var leg = Assert.Single(summary.Legs);
        Assert.Equal(TransportOutcome.None, leg.Outcome);
        Assert.Equal("melhus/T1-11", Assert.Single(leg.Rules).Id);
        Assert.True(leg.Corrected);
        Assert.NotNull(leg.OriginalDescription);
        var inspection = Assert.Single(summary.SiteInspections);
        Assert.Equal((new DateOnly(2026, 11, 20), "Kari Saksbehandler", 1), (inspection.Date, inspection.InspectedBy, inspection.LegNumber));
        var photo = Assert.Single(inspection.PhotoDocumentIds);

        await using var db = app.Db();
        var document = await db.Documents.SingleAsync(d => d.Id == photo);
        Assert.Equal(CaseDocumentKind.SiteInspection, document.Kind);
        var entry = await db.JournalEntries.SingleAsync(j => j.DocumentId == photo);
        Assert.Equal(JournalEntryKind.Note, entry.Kind);
        Assert.DoesNotContain("Kari Nordmann", entry.PublicTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_without_the_inspection_details_or_with_a_bad_file_changes_nothing()
    {
        await using var app = await CreateAsync("assess_correct_invalid");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        var missing = AssertFailure<Failure.Invalid>(await app.RunAsync<ISender, CommandResult>(h =>
            h.Send(new CorrectLegCommand(caseId, "5028", Caseworker, 1, 1, WithSidewalk, null, " ", null, []), default).AsTask()));
        var badFile = AssertFailure<Failure.Invalid>(await CorrectAsync(app, caseId, 1, [new UploadedFile("virus.exe", TestFiles.Executable(), false)]));

        Assert.Equal(["Findings", "InspectedBy", "InspectionDate"], missing.Errors.Keys.Order());
        Assert.Equal(["Photos"], badFile.Errors.Keys);
        Assert.Equal(TransportOutcome.ConsiderWinter, Assert.Single((await SummaryAsync(app, caseId))!.Legs).Outcome);
        await using var db = app.Db();
        Assert.False(await db.Documents.AnyAsync(d => d.CaseId == caseId && d.Kind == CaseDocumentKind.SiteInspection));
    }

    [Fact]
    public async Task Departing_from_the_matrix_needs_a_written_justification()
    {
        await using var app = await CreateAsync("assess_depart");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        var refused = AssertFailure<Failure.Invalid>(await DepartAsync(app, caseId, 1, TransportOutcome.Winter, "  "));
        Assert.Equal(["Justification"], refused.Errors.Keys);
        Assert.Contains("begrunnelse", refused.Errors["Justification"][0], StringComparison.Ordinal);

        AssertOk(await DepartAsync(app, caseId, 1, TransportOutcome.Winter, "Vegen er smal og uten brøytekant om vinteren."));
        var summary = (await SummaryAsync(app, caseId))!;
        Assert.Equal((TransportOutcome.ConsiderWinter, TransportOutcome.Winter), (summary.MatrixOutcome, summary.ResultingOutcome));
        Assert.Equal("Vegen er smal og uten brøytekant om vinteren.", summary.Departure!.Justification);
    }

    [Fact]
    public async Task A_subjective_conclusion_that_changes_the_result_needs_a_text_and_becomes_the_assessed_outcome()
    {
        await using var app = await CreateAsync("assess_subjective");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));
        var notes = new Dictionary<SubjectiveFactor, string?> { [SubjectiveFactor.Concentration] = "Dokumentert konsentrasjonsvanske.", [SubjectiveFactor.MotorSkills] = " " };

        var invalid = AssertFailure<Failure.Invalid>(await SubjectiveAsync(app, caseId, 1, notes, true, null, TransportOutcome.YearRound));
        Assert.Equal(["Conclusion"], invalid.Errors.Keys);

        AssertOk(await SubjectiveAsync(app, caseId, 1, notes, true, "Eleven kan ikke gå langs vegen alene.", TransportOutcome.YearRound));
        var summary = (await SummaryAsync(app, caseId))!;
        Assert.Equal(TransportOutcome.YearRound, summary.ResultingOutcome);
        Assert.True(summary.SubjectiveChangesResult);
        Assert.Equal(SubjectiveFactor.Concentration, Assert.Single(summary.SubjectiveNotes).Factor);
    }

    [Fact]
    public async Task A_decided_case_cannot_be_assessed_again()
    {
        await using var app = await CreateAsync("assess_decided");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));
        await using (var db = app.Db())
        {
            var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
            Assert.True(@case.Apply(CaseTrigger.Decide, new CaseActor(Caseworker, CaseActorRole.Caseworker), Now, rulebookVersion: "5028/v1").Succeeded);
            await db.SaveChangesAsync();
        }

        var refused = AssertFailure<Failure.Refused>(await DepartAsync(app, caseId, 1, TransportOutcome.Winter, "Begrunnelse"));
        Assert.Contains("avgjort", refused.Reason, StringComparison.Ordinal);
        AssertFailure<Failure.Refused>(await RunAsync(app, caseId, 1));
        var view = await app.RunAsync<ISender, CaseAssessmentView?>(h => h.Send(new GetCaseAssessmentQuery(caseId, "5028"), default).AsTask());
        Assert.NotNull(view!.NotEditableReason);
        Assert.Null((await SummaryAsync(app, caseId))!.Departure);
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_finds_nothing()
    {
        await using var app = await CreateAsync("assess_tenant");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        AssertFailure<Failure.NotFound>(await app.RunAsync<ISender, CommandResult>(h =>
            h.Send(new RunObjectiveAssessmentCommand(caseId, "4647", "staff-sunnfjord", 1), default).AsTask()));
        AssertFailure<Failure.NotFound>(await app.RunAsync<ISender, CommandResult>(h =>
            h.Send(new DepartFromMatrixCommand(caseId, "4647", "staff-sunnfjord", 1, TransportOutcome.Winter, "x"), default).AsTask()));
        Assert.Null(await SummaryAsync(app, caseId, "4647"));
        Assert.Null(await app.RunAsync<ISender, CaseAssessmentView?>(h => h.Send(new GetCaseAssessmentQuery(caseId, "4647"), default).AsTask()));
    }

    [Fact]
    public async Task The_second_of_two_caseworkers_saving_the_same_revision_gets_a_conflict_and_nothing_is_overwritten()
    {
        await using var app = await CreateAsync("assess_conflict");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        AssertOk(await DepartAsync(app, caseId, 1, TransportOutcome.Winter, "Første saksbehandler."));
        var second = await app.RunAsync<ISender, CommandResult>(h =>
            h.Send(new DepartFromMatrixCommand(caseId, "5028", OtherCaseworker, 1, TransportOutcome.YearRound, "Andre saksbehandler."), default).AsTask());

        Assert.Contains("samtidig", AssertFailure<Failure.Conflict>(second).Reason, StringComparison.Ordinal);
        Assert.Equal("Første saksbehandler.", (await SummaryAsync(app, caseId))!.Departure!.Justification);
    }

    [Fact]
    public async Task Two_caseworkers_starting_the_assessment_at_once_create_one_and_the_other_gets_a_conflict()
    {
        await using var app = await CreateAsync("assess_race");
        var caseId = await InAssessmentAsync(app);

        var results = await Task.WhenAll(RunAsync(app, caseId), RunAsync(app, caseId));

        Assert.Single(results, r => r.IsOk);
        Assert.Single(results, r => r.Failure is Failure.Conflict);
    }

    [Fact]
    public void Every_refusal_has_a_text_in_Bokmal_and_in_Nynorsk()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "nb-NO", "nn-NO" })
            {
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                Assert.All(Enum.GetValues<Domain.Assessments.AssessmentRefusal>(), r => Assert.NotEqual(r.ToString(), AssessmentTexts.Refusal(r)));
            }

            Assert.Contains("Saka er avgjord", AssessmentTexts.Refusal(Domain.Assessments.AssessmentRefusal.Decided), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task A_corrected_leg_the_route_validator_refuses_comes_back_invalid_on_its_field_and_changes_nothing()
    {
        await using var app = await CreateAsync("assess_correct_leg_invalid");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));

        var tooFast = WithSidewalk with { SpeedLimit = 300 };
        var invalid = AssertFailure<Failure.Invalid>(await app.RunAsync<ISender, CommandResult>(h => h.Send(
            new CorrectLegCommand(caseId, "5028", Caseworker, 1, 1, tooFast, new DateOnly(2026, 11, 20), "Kari Saksbehandler", "Skiltet 300 km/t.", []), default).AsTask()));

        Assert.Equal(["Fartsgrensen må være mellom 5 og 130 km/t."], invalid.Errors["Leg.SpeedLimit"]);
        var summary = (await SummaryAsync(app, caseId))!;
        Assert.False(Assert.Single(summary.Legs).Corrected);
        await using var db = app.Db();
        Assert.Equal(1, await db.CaseAssessments.Where(a => a.CaseId == caseId).Select(a => a.Revision).SingleAsync());
    }

    [Fact]
    public async Task Reading_the_assessment_writes_one_read_audit_row_per_query_and_nothing_for_another_municipality()
    {
        await using var app = await CreateAsync("assess_read_audit");
        var caseId = await InAssessmentAsync(app);
        AssertOk(await RunAsync(app, caseId));
        var before = await ReadsAsync(app, caseId);

        Assert.NotNull(await SummaryAsync(app, caseId));
        Assert.Equal(before + 1, await ReadsAsync(app, caseId));
        Assert.NotNull(await app.RunAsync<ISender, CaseAssessmentView?>(h => h.Send(new GetCaseAssessmentQuery(caseId, "5028"), default).AsTask()));
        Assert.Equal(before + 2, await ReadsAsync(app, caseId));

        Assert.Null(await SummaryAsync(app, caseId, "4647"));
        Assert.Null(await app.RunAsync<ISender, CaseAssessmentView?>(h => h.Send(new GetCaseAssessmentQuery(caseId, "4647"), default).AsTask()));
        Assert.Equal(before + 2, await ReadsAsync(app, caseId));
    }

    private static async Task<int> ReadsAsync(ApplicationTestApp app, Guid caseId)
    {
        await using var db = app.Db();
        return await db.AuditEvents.CountAsync(a => a.ObjectId == caseId.ToString() && a.Action == "AssessmentRead");
    }

    internal static async Task<Guid> InAssessmentAsync(ApplicationTestApp app)
    {
        var caseId = await app.StartAsync();
        await app.FillAsync(caseId);
        ResultAssert.Ok(await app.SubmitAsync(caseId));
        await using var db = app.Db();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor(Caseworker, CaseActorRole.Caseworker), Now).Succeeded);
        await db.SaveChangesAsync();
        return caseId;
    }

    private static Task<CommandResult> RunAsync(ApplicationTestApp app, Guid caseId, int revision = 0) =>
        app.RunAsync<ISender, CommandResult>(h => h.Send(new RunObjectiveAssessmentCommand(caseId, "5028", Caseworker, revision), default).AsTask());

    private static Task<CommandResult> CorrectAsync(ApplicationTestApp app, Guid caseId, int revision, IReadOnlyList<UploadedFile> photos) =>
        app.RunAsync<ISender, CommandResult>(h => h.Send(
            new CorrectLegCommand(caseId, "5028", Caseworker, revision, 1, WithSidewalk, new DateOnly(2026, 11, 20), "Kari Saksbehandler", "Nytt fortau langs hele strekningen.", photos), default).AsTask());

    private static Task<CommandResult> DepartAsync(ApplicationTestApp app, Guid caseId, int revision, TransportOutcome outcome, string justification) =>
        app.RunAsync<ISender, CommandResult>(h => h.Send(new DepartFromMatrixCommand(caseId, "5028", Caseworker, revision, outcome, justification), default).AsTask());

    private static Task<CommandResult> SubjectiveAsync(ApplicationTestApp app, Guid caseId, int revision, Dictionary<SubjectiveFactor, string?> notes, bool? changes, string? conclusion, TransportOutcome? outcome) =>
        app.RunAsync<ISender, CommandResult>(h => h.Send(new SaveSubjectiveAssessmentCommand(caseId, "5028", Caseworker, revision, notes, changes, conclusion, outcome), default).AsTask());

    private static Task<AssessmentSummary?> SummaryAsync(ApplicationTestApp app, Guid caseId, string municipality = "5028") =>
        app.RunAsync<ISender, AssessmentSummary?>(h => h.Send(new GetAssessmentSummaryQuery(caseId, municipality), default).AsTask());

    private static void AssertOk(CommandResult result) => Assert.True(result.IsOk, result.ToString());

    private static T AssertFailure<T>(CommandResult result)
        where T : Failure => Assert.IsType<T>(result.Failure);
}
