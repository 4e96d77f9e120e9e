using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Assessments;

/// <summary>
/// The caseworker's assessment (issue 5): the matrix per leg with rows cited, pre-assessed segments applied directly,
/// a correction after a site inspection runs the matrix again, a departure needs a justification, the subjective
/// conclusion rules, and nothing changes outside InAssessment.
/// </summary>
public sealed class CaseAssessmentTests
{
    private const string Caseworker = "staff-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Applied = new(2026, 11, 2);

    // Two rows shaped like Melhus Tabell 1 rows 08 and 11 (seed 002, kap. 6), and one pre-assessed segment.
    private static readonly Rulebook Book = TestRulebooks.Melhus([TestRulebooks.MelhusT1_08, TestRulebooks.MelhusT1_11], [TestRulebooks.MelhusS01]);

    private static readonly RouteLeg Dangerous = new(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None);
    private static readonly RouteLeg WithSidewalk = Dangerous with { PedestrianFacility = PedestrianFacility.Sidewalk };

    [Fact]
    public void The_matrix_gives_each_leg_its_outcome_with_the_deciding_rows_cited()
    {
        var assessment = Run(new ApplicationRoute([], [Dangerous, WithSidewalk]), grade: 3);

        var objective = assessment.Objective!;
        Assert.Equal("5028/v1", objective.RulebookVersion);
        Assert.Equal(Applied, objective.ApplicationDate);
        Assert.Equal([TransportOutcome.YearRound, TransportOutcome.None], objective.Legs.Select(l => l.Outcome));
        Assert.Equal(["melhus/T1-08"], objective.Legs[0].Rules.Select(r => r.Id));
        Assert.Equal(["melhus/T1-11"], objective.Legs[1].Rules.Select(r => r.Id));
        Assert.Equal(TransportOutcome.YearRound, objective.MatrixOutcome);
        Assert.Equal(TransportOutcome.YearRound, assessment.AssessedOutcome());
        Assert.Equal(1, assessment.Revision);
    }

    [Fact]
    public void A_pre_assessed_segment_applies_directly_and_an_unknown_one_needs_manual_assessment()
    {
        var assessment = Run(new ApplicationRoute(["melhus/S-01", "melhus/S-99"], [WithSidewalk]), grade: 2);

        var legs = assessment.Objective!.Legs;
        Assert.Equal(TransportOutcome.Winter, legs[1].Outcome);
        Assert.Equal("melhus/S-01", Assert.Single(legs[1].Rules).Id);
        Assert.True(legs[2].ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.Winter, assessment.Objective.MatrixOutcome);
        Assert.True(assessment.Objective.ManualAssessmentRequired);
    }

    [Fact]
    public void Correcting_a_leg_after_a_site_inspection_runs_the_matrix_again_and_keeps_the_original()
    {
        var assessment = Run(new ApplicationRoute([], [Dangerous]), grade: 3);

        var change = assessment.CorrectLeg(CaseState.InAssessment, Book, 1, WithSidewalk, Inspection(), Caseworker, Now);

        Assert.True(change.Succeeded);
        var leg = Assert.Single(assessment.Objective!.Legs);
        Assert.Equal((TransportOutcome.None, Dangerous, WithSidewalk), (leg.Outcome, leg.OriginalLeg, leg.Leg));
        Assert.Equal(TransportOutcome.None, assessment.Objective.MatrixOutcome);
        Assert.Equal(1, Assert.Single(assessment.Objective.SiteInspections).LegNumber);
        Assert.Equal(2, assessment.Revision);
    }

    [Fact]
    public void A_correction_needs_a_date_not_in_the_future_who_was_there_and_the_findings()
    {
        var assessment = Run(new ApplicationRoute(["melhus/S-01"], [Dangerous]), grade: 3);

        var invalid = assessment.CorrectLeg(CaseState.InAssessment, Book, 1, WithSidewalk, Inspection() with { Date = new DateOnly(2026, 11, 22), InspectedBy = " ", Findings = "" }, Caseworker, Now);
        var segment = assessment.CorrectLeg(CaseState.InAssessment, Book, 2, WithSidewalk, Inspection(), Caseworker, Now);

        Assert.Equal(["InspectionDate", "InspectedBy", "Findings"], invalid.Errors.Select(e => e.Field));
        Assert.Equal(AssessmentRefusal.LegNotFound, Assert.Single(segment.Errors).Refusal);
        Assert.Equal(TransportOutcome.YearRound, assessment.Objective!.Legs[0].Outcome);
        Assert.Equal(1, assessment.Revision);
    }

    [Fact]
    public void Departing_from_the_matrix_needs_a_written_justification_and_another_outcome()
    {
        var assessment = Run(new ApplicationRoute([], [Dangerous]), grade: 3);

        var without = assessment.DepartFromMatrix(CaseState.InAssessment, TransportOutcome.Winter, "  ", Caseworker, Now);
        var same = assessment.DepartFromMatrix(CaseState.InAssessment, TransportOutcome.YearRound, "Begrunnelse", Caseworker, Now);
        Assert.Equal(AssessmentRefusal.JustificationRequired, Assert.Single(without.Errors).Refusal);
        Assert.Equal(AssessmentRefusal.DepartureSameAsMatrix, Assert.Single(same.Errors).Refusal);
        Assert.Null(assessment.Objective!.Departure);

        Assert.True(assessment.DepartFromMatrix(CaseState.InAssessment, TransportOutcome.Winter, "Vegen er brøytet med fortau om sommeren.", Caseworker, Now).Succeeded);
        Assert.Equal(TransportOutcome.Winter, assessment.AssessedOutcome());
        Assert.Equal(TransportOutcome.YearRound, assessment.Objective!.MatrixOutcome);
    }

    [Fact]
    public void A_subjective_conclusion_that_changes_the_result_needs_a_text_and_another_outcome()
    {
        var assessment = Run(new ApplicationRoute([], [WithSidewalk]), grade: 3);
        var notes = new Dictionary<SubjectiveFactor, string?> { [SubjectiveFactor.Concentration] = " Blir lett distrahert. ", [SubjectiveFactor.MotorSkills] = "" };

        var missing = assessment.SaveSubjective(CaseState.InAssessment, notes, true, null, null, Caseworker, Now);
        var same = assessment.SaveSubjective(CaseState.InAssessment, notes, true, "Tekst", TransportOutcome.None, Caseworker, Now);
        var undecided = assessment.SaveSubjective(CaseState.InAssessment, notes, null, null, null, Caseworker, Now);
        Assert.Equal([AssessmentRefusal.ConclusionRequired, AssessmentRefusal.OutcomeRequired], missing.Errors.Select(e => e.Refusal));
        Assert.Equal(AssessmentRefusal.ResultingOutcomeSameAsObjective, Assert.Single(same.Errors).Refusal);
        Assert.Equal(AssessmentRefusal.ChangesResultRequired, Assert.Single(undecided.Errors).Refusal);

        Assert.True(assessment.SaveSubjective(CaseState.InAssessment, notes, true, "Eleven har ADHD.", TransportOutcome.YearRound, Caseworker, Now).Succeeded);
        Assert.Equal(TransportOutcome.YearRound, assessment.AssessedOutcome());
        Assert.Equal("Blir lett distrahert.", Assert.Single(assessment.Subjective!.Notes).Value);

        Assert.True(assessment.SaveSubjective(CaseState.InAssessment, notes, false, null, TransportOutcome.YearRound, Caseworker, Now).Succeeded);
        Assert.Null(assessment.Subjective!.ResultingOutcome);
        Assert.Equal(TransportOutcome.None, assessment.AssessedOutcome());
    }

    [Theory]
    [InlineData(CaseState.Decided, AssessmentRefusal.Decided)]
    [InlineData(CaseState.Closed, AssessmentRefusal.Decided)]
    [InlineData(CaseState.AwaitingInformation, AssessmentRefusal.NotInAssessment)]
    [InlineData(CaseState.Submitted, AssessmentRefusal.NotInAssessment)]
    [InlineData(CaseState.Withdrawn, AssessmentRefusal.NotInAssessment)]
    [InlineData(CaseState.ReferredToCounty, AssessmentRefusal.NotInAssessment)]
    [InlineData(CaseState.AppealReceived, AssessmentRefusal.Decided)]
    [InlineData(CaseState.ForwardedToAppealBody, AssessmentRefusal.Decided)]
    public void Nothing_changes_outside_assessment(CaseState state, AssessmentRefusal refusal)
    {
        var assessment = Run(new ApplicationRoute([], [Dangerous]), grade: 3);

        Assert.Equal(refusal, assessment.RunObjective(state, Book, new ApplicationRoute([], [Dangerous]), 3, 1m, Applied, Caseworker, Now).Refusal);
        Assert.Equal(refusal, assessment.CorrectLeg(state, Book, 1, WithSidewalk, Inspection(), Caseworker, Now).Refusal);
        Assert.Equal(refusal, assessment.DepartFromMatrix(state, TransportOutcome.None, "Begrunnelse", Caseworker, Now).Refusal);
        Assert.Equal(refusal, assessment.SaveSubjective(state, new Dictionary<SubjectiveFactor, string?>(), false, null, null, Caseworker, Now).Refusal);
        Assert.Equal(1, assessment.Revision);
    }

    [Fact]
    public void The_first_instance_reviewing_an_appeal_may_assess_anew()
    {
        // fvl. § 33 second paragraph: new information, a new site inspection, a new assessment.
        var assessment = Run(new ApplicationRoute([], [Dangerous]), grade: 3);

        var corrected = assessment.CorrectLeg(CaseState.FirstInstanceReview, Book, 1, WithSidewalk, Inspection(), Caseworker, Now);

        Assert.Null(corrected.Refusal);
        Assert.Equal(2, assessment.Revision);
    }

    [Fact]
    public void Departure_and_subjective_assessment_need_the_objective_assessment_first()
    {
        var assessment = CaseAssessment.Start(Guid.NewGuid());

        Assert.Equal(AssessmentRefusal.ObjectiveMissing, assessment.DepartFromMatrix(CaseState.InAssessment, TransportOutcome.Winter, "x", Caseworker, Now).Refusal);
        Assert.Equal(AssessmentRefusal.ObjectiveMissing, assessment.SaveSubjective(CaseState.InAssessment, new Dictionary<SubjectiveFactor, string?>(), false, null, null, Caseworker, Now).Refusal);
        Assert.Null(assessment.AssessedOutcome());
    }

    private static CaseAssessment Run(ApplicationRoute route, int grade)
    {
        var assessment = CaseAssessment.Start(Guid.NewGuid());
        Assert.True(assessment.RunObjective(CaseState.InAssessment, Book, route, grade, 1.5m, Applied, Caseworker, Now).Succeeded);
        return assessment;
    }

    private static SiteInspection Inspection() =>
        new(new DateOnly(2026, 11, 20), "Kari Saksbehandler og Per Vegvesen", "Fortau langs hele strekningen.", 0, [], Caseworker, Now);
}
