using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Assessments;

/// <summary>
/// Issue 11: a leg no row of the matrix covers ("krever manuell vurdering") is assessed by the caseworker — a verdict with
/// its reasons, recorded in the case assessment; the route then counts the verdict (the most generous leg, as the engine
/// combines them), and a rerun or a correction keeps it only while the leg is unchanged.
/// </summary>
public sealed class ManualLegAssessmentTests
{
    private const string Caseworker = "staff-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Applied = new(2026, 11, 2);

    // Melhus Tabell 1 row 11 (seed 002, kap. 6) in the shape of the real rulebook; Tabell 1 has no row for national roads.
    private static readonly Rulebook Book = TestRulebooks.Melhus([TestRulebooks.MelhusT1_11]);

    private static readonly RouteLeg NationalRoad = new(LegKind.Along, RoadCategory.National, 80, 3000, PedestrianFacility.None);
    private static readonly RouteLeg WithSidewalk = new(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.Sidewalk);

    [Fact]
    public void A_recorded_verdict_makes_the_leg_assessed_and_counts_in_the_route_result()
    {
        var assessment = Run(new ApplicationRoute([], [WithSidewalk, NationalRoad]));
        Assert.True(assessment.Objective!.ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.None, assessment.Objective.MatrixOutcome);

        var change = assessment.AssessLegManually(CaseState.InAssessment, Book, 2, TransportOutcome.Winter, "  Smal vegskulder, brøytekant om vinteren.  ", null, Caseworker, Now);

        Assert.True(change.Succeeded);
        var leg = assessment.Objective!.Legs[1];
        Assert.False(leg.ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.Winter, leg.Outcome);
        Assert.Equal(("Smal vegskulder, brøytekant om vinteren.", Caseworker, Now, NationalRoad), (leg.Manual!.Reasons, leg.Manual.AssessedBy, leg.Manual.AssessedAt, leg.Manual.AssessedLeg));
        Assert.False(assessment.Objective.ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.Winter, assessment.Objective.MatrixOutcome);
        Assert.Equal(TransportOutcome.Winter, assessment.AssessedOutcome());
        Assert.Equal(2, assessment.Revision);
    }

    [Fact]
    public void The_route_gets_the_most_generous_leg_with_the_verdicts_counted()
    {
        var assessment = Run(new ApplicationRoute([], [NationalRoad, NationalRoad with { SpeedLimit = 60 }]));

        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.None, "Oversiktlig, bred skulder.", null, Caseworker, Now).Succeeded);
        Assert.True(assessment.Objective!.ManualAssessmentRequired);
        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 2, TransportOutcome.YearRound, "Ingen skulder, tungtrafikk.", null, Caseworker, Now).Succeeded);

        Assert.False(assessment.Objective!.ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.YearRound, assessment.Objective.MatrixOutcome);
    }

    [Fact]
    public void Reasons_and_a_verdict_are_required_and_only_a_leg_left_to_manual_assessment_takes_one()
    {
        var assessment = Run(new ApplicationRoute([], [WithSidewalk, NationalRoad]));

        var empty = assessment.AssessLegManually(CaseState.InAssessment, Book, 2, null, "   ", null, Caseworker, Now);
        var considerWinter = assessment.AssessLegManually(CaseState.InAssessment, Book, 2, TransportOutcome.ConsiderWinter, "x", null, Caseworker, Now);
        var tooLong = assessment.AssessLegManually(CaseState.InAssessment, Book, 2, TransportOutcome.None, new string('x', CaseAssessment.MaxTextLength + 1), null, Caseworker, Now);
        var covered = assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "x", null, Caseworker, Now);
        var missing = assessment.AssessLegManually(CaseState.InAssessment, Book, 3, TransportOutcome.YearRound, "x", null, Caseworker, Now);

        Assert.Equal([(AssessmentRefusal.VerdictRequired, "Outcome"), (AssessmentRefusal.ReasonsRequired, "Reasons")], empty.Errors);
        Assert.Equal(AssessmentRefusal.VerdictRequired, Assert.Single(considerWinter.Errors).Refusal);
        Assert.Equal((AssessmentRefusal.TextTooLong, "Reasons"), Assert.Single(tooLong.Errors));
        Assert.Equal((AssessmentRefusal.LegNotLeftToManualAssessment, "LegNumber"), Assert.Single(covered.Errors));
        Assert.Equal(AssessmentRefusal.LegNotLeftToManualAssessment, Assert.Single(missing.Errors).Refusal);
        Assert.True(assessment.Objective!.Legs[1].ManualAssessmentRequired);
        Assert.Null(assessment.Objective.Legs[1].Manual);
        Assert.Equal(1, assessment.Revision);
    }

    [Fact]
    public void The_site_inspection_it_rests_on_is_checked_and_kept_with_the_assessment()
    {
        var assessment = Run(new ApplicationRoute([], [NationalRoad]));
        var inspection = new SiteInspection(new DateOnly(2026, 11, 20), "Kari Saksbehandler", "Ingen skulder, 80 km/t.", 0, [], Caseworker, Now);

        var invalid = assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "Farlig.", inspection with { Date = new DateOnly(2026, 11, 22), InspectedBy = " " }, Caseworker, Now);
        Assert.Equal(["InspectionDate", "InspectedBy"], invalid.Errors.Select(e => e.Field));

        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "Farlig.", inspection, Caseworker, Now).Succeeded);
        Assert.Equal(inspection with { LegNumber = 1 }, assessment.Objective!.Legs[0].Manual!.Inspection);
    }

    [Fact]
    public void The_assessment_can_be_changed_until_the_decision_and_not_after()
    {
        var assessment = Run(new ApplicationRoute([], [NationalRoad]));
        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "Farlig.", null, Caseworker, Now).Succeeded);

        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.Winter, "Farlig om vinteren.", null, "staff-2", Now.AddHours(1)).Succeeded);
        Assert.Equal((TransportOutcome.Winter, "staff-2"), (assessment.Objective!.Legs[0].Outcome, assessment.Objective.Legs[0].Manual!.AssessedBy));

        Assert.Equal(AssessmentRefusal.Decided, assessment.AssessLegManually(CaseState.Decided, Book, 1, TransportOutcome.None, "x", null, Caseworker, Now).Refusal);
        Assert.Equal(AssessmentRefusal.NotInAssessment, assessment.AssessLegManually(CaseState.AwaitingInformation, Book, 1, TransportOutcome.None, "x", null, Caseworker, Now).Refusal);
        Assert.Equal(AssessmentRefusal.ObjectiveMissing, CaseAssessment.Start(Guid.NewGuid()).AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.None, "x", null, Caseworker, Now).Refusal);
        Assert.Equal(TransportOutcome.Winter, assessment.Objective.Legs[0].Outcome);
    }

    [Fact]
    public void A_rerun_keeps_the_verdict_while_the_leg_is_unchanged_and_a_correction_drops_it()
    {
        var route = new ApplicationRoute([], [NationalRoad]);
        var assessment = Run(route);
        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "Farlig.", null, Caseworker, Now).Succeeded);

        Assert.True(assessment.RunObjective(CaseState.InAssessment, Book, route, 3, 1.5m, Applied, Caseworker, Now).Succeeded);
        Assert.Equal(TransportOutcome.YearRound, assessment.Objective!.MatrixOutcome);
        Assert.NotNull(assessment.Objective.Legs[0].Manual);

        // Corrected to other data the leg is another leg: the verdict no longer applies, and it must be assessed again.
        var inspection = new SiteInspection(new DateOnly(2026, 11, 20), "Kari Saksbehandler", "60-sone, ikke 80.", 0, [], Caseworker, Now);
        Assert.True(assessment.CorrectLeg(CaseState.InAssessment, Book, 1, NationalRoad with { SpeedLimit = 60 }, inspection, Caseworker, Now).Succeeded);
        var leg = assessment.Objective!.Legs[0];
        Assert.Null(leg.Manual);
        Assert.True(leg.ManualAssessmentRequired);
        Assert.Equal(TransportOutcome.None, assessment.Objective.MatrixOutcome);
        Assert.True(assessment.Objective.ManualAssessmentRequired);
    }

    [Fact]
    public void A_correction_that_brings_the_leg_under_a_row_drops_the_verdict_and_the_row_applies()
    {
        var assessment = Run(new ApplicationRoute([], [NationalRoad]));
        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 1, TransportOutcome.YearRound, "Farlig.", null, Caseworker, Now).Succeeded);

        var inspection = new SiteInspection(new DateOnly(2026, 11, 20), "Kari Saksbehandler", "Fylkesveg med fortau.", 0, [], Caseworker, Now);
        Assert.True(assessment.CorrectLeg(CaseState.InAssessment, Book, 1, WithSidewalk, inspection, Caseworker, Now).Succeeded);

        var leg = assessment.Objective!.Legs[0];
        Assert.Null(leg.Manual);
        Assert.False(leg.ManualAssessmentRequired);
        Assert.Equal("melhus/T1-11", Assert.Single(leg.Rules).Id);
        Assert.Equal(TransportOutcome.None, assessment.Objective.MatrixOutcome);
    }

    [Fact]
    public void A_pre_assessed_segment_the_rulebook_lacks_is_assessed_the_same_way()
    {
        var assessment = Run(new ApplicationRoute(["melhus/S-99"], [WithSidewalk]));
        Assert.True(assessment.Objective!.Legs[1].ManualAssessmentRequired);

        Assert.True(assessment.AssessLegManually(CaseState.InAssessment, Book, 2, TransportOutcome.Winter, "Smal veg uten skulder.", null, Caseworker, Now).Succeeded);
        Assert.Equal(TransportOutcome.Winter, assessment.Objective!.MatrixOutcome);

        Assert.True(assessment.RunObjective(CaseState.InAssessment, Book, new ApplicationRoute(["melhus/S-99"], [WithSidewalk]), 3, 1.5m, Applied, Caseworker, Now).Succeeded);
        Assert.Equal(TransportOutcome.Winter, assessment.Objective!.Legs[1].Outcome);
        Assert.False(assessment.Objective.ManualAssessmentRequired);
    }

    private static CaseAssessment Run(ApplicationRoute route)
    {
        var assessment = CaseAssessment.Start(Guid.NewGuid());
        Assert.True(assessment.RunObjective(CaseState.InAssessment, Book, route, 3, 1.5m, Applied, Caseworker, Now).Succeeded);
        return assessment;
    }
}
