using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Seeding;

using static SkoleskyssSak.Application.Tests.Features.Rulebooks.Tabell1;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>
/// Pins Melhus kommune's Tabell 1 «Skoleveger som kan utløse skoleskyss» (shared/seeds/002_1ee1c7c6656c7d91.txt,
/// kap. 6) as seeded in Seeding/Rulebooks/5028-melhus.v1.json: every row in every grade column, evaluated by the
/// rule engine on a typical leg for that row.
/// </summary>
public sealed class MelhusTable1Tests
{
    // Tabell 1 as published; cells for 1. / 2.–4. / 5.–7. / 8.–10. trinn. "Nei *" = «Vinterskyss kan vurderes».
    private static readonly string[][] Published =
    [
        ["Ja", "Ja", "Ja", "Ja"], //             1. E6: Fartsgrense 80 – 100 km/t, uten gang-/sykkelveg/fortau
        ["Ja", "Ja", "Nei *", "Nei"], //         2. E6: Fartsgrense 60 – 70 km/t, uten gang-/sykkelveg/fortau
        ["Ja", "Ja", "Nei", "Nei"], //           3. E6: Fartsgrense 40 – 50 km/t, uten gang-/sykkelveg/fortau
        ["Nei", "Nei", "Nei", "Nei"], //         4. E6: Fartsgrense 40 – 100 km/t, med gang-/sykkelveg/fortau
        ["Ja", "Ja", "Ja", "Nei"], //            5. Krysse E6 i plan
        ["Nei", "Nei", "Nei", "Nei"], //         6. Krysse E6: med bru over- eller undergang
        ["Ja", "Ja", "Nei *", "Nei"], //         7. Fylkes- og kommunal veg: 80 – 100 km/t, uten gang-/sykkelveg/fortau
        ["Ja", "Nei *", "Nei *", "Nei"], //      8. Fylkes- og kommunal veg: 60 – 70 km/t, uten gang-/sykkelveg/fortau
        ["Nei *", "Nei", "Nei", "Nei"], //       9. Fylkes- og kommunal veg: 40 – 50 km/t, uten gang-/sykkelveg/fortau
        ["Nei", "Nei", "Nei", "Nei"], //        10. Fylkes- og kommunal veg: 30 – sone, uten gang-/sykkelveg/fortau
        ["Nei", "Nei", "Nei", "Nei"], //        11. Fylkes- og kommunal veg: 40 – 100 km/t, med gang-/sykkelveg/fortau
        ["Ja", "Ja", "Nei", "Nei"], //          12. Krysse fylkes- og kommunal veg: 80 – 100 km/t, uten regulert gangfelt eller lyskryss
        ["Ja", "Nei", "Nei", "Nei"], //         13. Krysse fylkes- og kommunal veg: 60 – 70 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Nei *", "Nei", "Nei", "Nei"], //      14. Krysse fylkes- og kommunal veg: 40 – 50 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Nei", "Nei", "Nei", "Nei"], //        15. Krysse fylkes- og kommunal veg: 40 – 100 km/t, med opphevet eller fotgjengerovergang, bruovergang eller undergang
        ["Nei", "Nei", "Nei", "Nei"], //        16. Krysse fylkes- og kommunal veg: 30 – sone, uten opphevet eller ordinær fotgjengerovergang
        ["Ja", "Ja", "Nei", "Nei"], //          17. Kryssing av usikret planovergang/lyskryss
        ["Nei", "Nei", "Nei", "Nei"], //        18. Kryssing av sikret planovergang
    ];

    private static readonly string[] ExpectedAppealChain = ["melhus-utm", "sf-trondelag"];

    private static readonly Rulebook Rulebook = RulebookSeeds.For("5028").ToRulebook();

    public static TheoryData<int, string, string> PublishedCells() => Tabell1.Cells(Published);

    public static TheoryData<int> Rows() => Tabell1.RowNumbers(Published.Length);

    [Theory]
    [MemberData(nameof(PublishedCells))]
    public void Melhus_Tabell1_row_gives_published_outcome_for_each_grade(int row, string column, string cell)
    {
        var expected = Outcome(cell);
        var leg = TypicalLeg(row);

        foreach (var grade in Grades(column))
        {
            var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, leg);

            Assert.Contains(result.MatchedRules, rule => rule.Id == Id(row));
            Assert.Equal((grade, expected), (grade, result.Outcome));
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Melhus_Tabell1_typical_leg_of_a_row_matches_that_row_only(int row)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, TypicalLeg(row));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
    }

    [Theory]
    [InlineData(100, 3, 7, TransportOutcome.YearRound)]
    [InlineData(80, 3, 7, TransportOutcome.YearRound)]
    [InlineData(70, 3, 8, TransportOutcome.ConsiderWinter)]
    [InlineData(60, 1, 8, TransportOutcome.YearRound)]
    [InlineData(50, 1, 9, TransportOutcome.ConsiderWinter)]
    [InlineData(40, 1, 9, TransportOutcome.ConsiderWinter)]
    [InlineData(30, 1, 10, TransportOutcome.None)]
    [InlineData(20, 1, 10, TransportOutcome.None)]
    public void Melhus_T1_07_to_10_speed_boundaries_along_county_road(int speed, int grade, int row, TransportOutcome expected)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Along(RoadCategory.County, speed, PedestrianFacility.None));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(80, 2, 12, TransportOutcome.YearRound)]
    [InlineData(70, 2, 13, TransportOutcome.None)]
    [InlineData(60, 1, 13, TransportOutcome.YearRound)]
    [InlineData(50, 1, 14, TransportOutcome.ConsiderWinter)]
    [InlineData(30, 1, 16, TransportOutcome.None)]
    public void Melhus_T1_12_to_16_speed_boundaries_crossing_municipal_road(int speed, int grade, int row, TransportOutcome expected)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Crossing(RoadCategory.Municipal, speed, CrossingFacility.None));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(PedestrianFacility.Sidewalk)]
    [InlineData(PedestrianFacility.FootAndCyclePath)]
    public void Melhus_T1_04_leg_with_sidewalk_or_path_on_E6_gives_none_in_every_grade(PedestrianFacility facility)
    {
        for (var grade = 1; grade <= 10; grade++)
        {
            var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Along(RoadCategory.European, 80, facility));

            Assert.Equal(["melhus/T1-04"], result.MatchedRules.Select(rule => rule.Id));
            Assert.Equal((grade, TransportOutcome.None), (grade, result.Outcome));
        }
    }

    [Fact]
    public void Melhus_T1_08_widened_shoulder_counts_as_without_sidewalk_or_path()
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Along(RoadCategory.County, 60, PedestrianFacility.WidenedShoulder));

        Assert.Equal(["melhus/T1-08"], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.YearRound, result.Outcome);
    }

    [Theory]
    [InlineData(null, CrossingFacility.None)]
    [InlineData(30, CrossingFacility.MarkedCrosswalk)]
    [InlineData(60, CrossingFacility.RaisedCrosswalk)]
    [InlineData(80, CrossingFacility.Signalised)]
    [InlineData(100, CrossingFacility.FacilitatedPoint)]
    public void Melhus_T1_05_crossing_E6_in_plan_applies_whatever_the_speed_or_crossing_in_plan(int? speed, CrossingFacility facility)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 7, Crossing(RoadCategory.European, speed, facility));

        Assert.Equal(["melhus/T1-05"], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.YearRound, result.Outcome);
    }

    [Theory]
    [InlineData(CrossingFacility.Bridge)]
    [InlineData(CrossingFacility.Underpass)]
    public void Melhus_T1_06_crossing_E6_by_bridge_or_underpass_gives_none(CrossingFacility facility)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Crossing(RoadCategory.European, 80, facility));

        Assert.Equal(["melhus/T1-06"], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.None, result.Outcome);
    }

    [Theory]
    [InlineData(CrossingFacility.MarkedCrosswalk)]
    [InlineData(CrossingFacility.RaisedCrosswalk)]
    [InlineData(CrossingFacility.Signalised)]
    [InlineData(CrossingFacility.Bridge)]
    [InlineData(CrossingFacility.Underpass)]
    public void Melhus_T1_15_crossing_county_road_with_crosswalk_bridge_or_underpass_gives_none(CrossingFacility facility)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Crossing(RoadCategory.County, 80, facility));

        Assert.Equal(["melhus/T1-15"], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.None, result.Outcome);
    }

    [Theory]
    [InlineData(RoadCategory.National)]
    [InlineData(RoadCategory.Private)]
    public void Melhus_Tabell1_national_or_private_road_needs_manual_assessment(RoadCategory road)
    {
        var legs = new[] { Along(road, 80, PedestrianFacility.None), Crossing(road, 60, CrossingFacility.None) };

        var assessment = RuleEngine.Evaluate(Rulebook, 1, legs, 1.2m);

        Assert.True(assessment.ManualAssessmentRequired);
        Assert.All(assessment.Legs, leg => Assert.Empty(leg.MatchedRules));
        Assert.Equal(TransportOutcome.None, assessment.Outcome);
    }

    [Fact]
    public void Melhus_rulebook_metadata_is_as_published()
    {
        Assert.Equal("5028", Rulebook.MunicipalityNumber);
        Assert.Equal(1, Rulebook.Version);
        Assert.Equal("5028/v1", Rulebook.VersionLabel);
        Assert.Equal(LanguageForm.Bokmal, Rulebook.LanguageForm);
        Assert.Equal(Columns, Rulebook.GradeBands);
        Assert.Equal(new WinterPeriod(11, 1, 3, 31), Rulebook.WinterPeriod);
        Assert.Equal(DecisionValidity.OneSchoolYear, Rulebook.DecisionValidity);
        Assert.Equal(ExpectedAppealChain, Rulebook.AppealChain);
        Assert.Equal(RuleProvenance.Published, Rulebook.Provenance);
        Assert.Contains("002_1ee1c7c6656c7d91.txt", Rulebook.Source, StringComparison.Ordinal);
        Assert.Empty(Rulebook.DefinedSegments);
    }

    [Fact]
    public void Melhus_rulebook_has_the_18_rows_in_order_with_unique_ids_texts_and_four_grade_columns()
    {
        Assert.Equal(Enumerable.Range(1, 18).Select(Id), Rulebook.Rules.Select(rule => rule.Id));
        Assert.Equal(Rulebook.Rules.Count, Rulebook.Rules.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Rulebook.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Text));
            Assert.False(string.IsNullOrWhiteSpace(rule.Note));
            Assert.Equal(Columns, rule.OutcomesByGrades.Keys);
        });
    }

    [Fact]
    public void Melhus_seed_loads_and_round_trips_through_json()
    {
        var document = RulebookSeeds.For("5028");
        var json = document.ToJson();

        Assert.Equal(json, RulebookDocument.Parse(json).ToJson());
        Assert.Equal(18, document.Rules.Count);
    }

    private static string Id(int row) => $"melhus/T1-{row:00}";

    private static RouteLeg TypicalLeg(int row) => row switch
    {
        1 => Along(RoadCategory.European, 80, PedestrianFacility.None),
        2 => Along(RoadCategory.European, 60, PedestrianFacility.None),
        3 => Along(RoadCategory.European, 50, PedestrianFacility.None),
        4 => Along(RoadCategory.European, 80, PedestrianFacility.Sidewalk),
        5 => Crossing(RoadCategory.European, 80, CrossingFacility.None),
        6 => Crossing(RoadCategory.European, 80, CrossingFacility.Underpass),
        7 => Along(RoadCategory.County, 80, PedestrianFacility.None),
        8 => Along(RoadCategory.County, 60, PedestrianFacility.None),
        9 => Along(RoadCategory.Municipal, 50, PedestrianFacility.None),
        10 => Along(RoadCategory.Municipal, 30, PedestrianFacility.None),
        11 => Along(RoadCategory.County, 60, PedestrianFacility.FootAndCyclePath),
        12 => Crossing(RoadCategory.County, 80, CrossingFacility.None),
        13 => Crossing(RoadCategory.County, 60, CrossingFacility.None),
        14 => Crossing(RoadCategory.Municipal, 40, CrossingFacility.FacilitatedPoint),
        15 => Crossing(RoadCategory.County, 50, CrossingFacility.MarkedCrosswalk),
        16 => Crossing(RoadCategory.Municipal, 30, CrossingFacility.None),
        17 => Railway(secured: false),
        18 => Railway(secured: true),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Melhus Tabell 1 has rows 1-18."),
    };
}
