using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Seeding;

using static SkoleskyssSak.Application.Tests.Features.Rulebooks.Tabell1;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>
/// Pins Rana kommune's Tabell 1 «Skoleveger som kan utløse skoleskyss» (shared/seeds/003_766fe7dea6de5ab4.txt,
/// kap. 7, OCR'd) as seeded in Seeding/Rulebooks/1833-rana.v1.json: every row in every grade column, evaluated by
/// the rule engine on a typical leg for that row. The comment on each row gives the OCR text of its cells
/// (`la`/`Ia` = Ja; `Mei`/`Mel`/`Neil`/`Mz`/`Me`/`M` = Nei; `-`, `.` or `‘` after Nei = `*`).
/// </summary>
public sealed class RanaTable1Tests
{
    // Tabell 1 as read; cells for 1. / 2.–4. / 5.–7. / 8.–10. trinn. "Nei *" = «vinterskyss kan vurderes».
    private static readonly string[][] Published =
    [
        ["Ja", "Ja", "Ja", "Ja"], //            1. OCR 'la Ja Ja la'        E6: 80 – 100 km/t, uten gang-/sykkelveg/fortau
        ["Ja", "Ja", "Nei *", "Nei"], //        2. OCR 'Ja Ja Nei * Nei'    E6: 60 – 70 km/t, uten
        ["Ja", "Ja", "Nei", "Nei"], //          3. OCR 'la Ja Nei Nei'      E6: 40 - 50 km/t, uten
        ["Nei", "Nei", "Nei", "Nei"], //        4. OCR 'Nei Nei Nei Nei'    E6: 40 – 100 km/t, med
        ["Ja", "Ja", "Ja", "Ja"], //            5. OCR 'la Ja Ja Ja'        Krysse E6: 80 - 100 km/t, uten regulert gangfelt eller lyskryss
        ["Ja", "Ja", "Nei *", "Nei"], //        6. OCR 'Ja Ja Nei . Neil'   Krysse E6: 60 - 70 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Ja", "Nei *", "Nei", "Nei"], //       7. OCR 'Ja Nei . Nei Nei'   Krysse E6: 40 - 50 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Nei", "Nei", "Nei", "Nei"], //        8. OCR 'Nei Nei Nei Nei'    Krysse E6: 40 - 100 km/t, med fotgjengerovergang, bruovergang eller undergang
        ["Ja", "Ja", "Nei *", "Nei"], //        9. OCR 'Ja Ja Nei - Nei'    Fylkes- og kommunal veg: 80 – 100 km/t, uten
        ["Ja", "Nei *", "Nei *", "Nei"], //    10. OCR 'Ja Nei - Nei - Nei' Fylkes- og kommunal veg: 60 - 70 km/t, uten
        ["Nei *", "Nei", "Nei", "Nei"], //     11. OCR 'Nei - Nei Nei Nei'  Fylkes- og kommunal veg: 40 - 50 km/t, uten
        ["Nei", "Nei", "Nei", "Nei"], //       12. OCR 'Nei Nei Nei Nei'    Fylkes- og kommunal veg: 30 – sone, uten
        ["Nei", "Nei", "Nei", "Nei"], //       13. OCR 'Mei Mei Mei Mei'    Fylkes- og kommunal veg: 40 – 100 km/t, med
        ["Ja", "Ja", "Nei", "Nei"], //         14. OCR 'Ia la Mei Nei'      Krysse fylkes- og kommunal veg: 80 – 100 km/t, uten regulert gangfelt eller lyskryss
        ["Ja", "Nei", "Nei", "Nei"], //        15. OCR 'Ja Nei Nei Nei'     Krysse fylkes- og kommunal veg: 60 – 70 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Nei *", "Nei", "Nei", "Nei"], //     16. OCR 'Mei ‘ Mei Mei Mz'   Krysse fylkes- og kommunal veg: 40 – 50 km/t, uten opphevet eller ordinær fotgjengerovergang
        ["Nei", "Nei", "Nei", "Nei"], //       17. OCR 'Mel Neil Nei Nei'   Krysse fylkes- og kommunal veg: 40 – 100 km/t, med fotgjengerovergang, bruovergang eller undergang
        ["Nei", "Nei", "Nei", "Nei"], //       18. OCR 'Nei Nei Mei Me'     Krysse fylkes- og kommunal veg: 30 – sone, uten opphevet eller ordinær fotgjengerovergang
        ["Ja", "Ja", "Nei", "Nei"], //         19. OCR 'Ja Ia M MNei'       Kryssing av usikret planovergang/lyskryss
        ["Nei", "Nei", "Nei", "Nei"], //       20. OCR 'Nei Nei Mei Mei'    Kryssing av sikret planovergang (row number OCR'd as '.')
    ];

    // Section 3.3 names formannskapet "siste klageinstans", but for a decision under opplæringslova the department, in
    // practice Statsforvalteren, is the appeal body (Prop. 57 L (2022–2023) chapter 59): formannskapet is a municipal
    // intermediate step, as Melhus' committee, and the chain ends with Statsforvalteren i Nordland.
    private static readonly string[] ExpectedAppealChain = ["rana-formannskap", "sf-nordland"];

    // OCR noise that must not survive into the stored row texts (the corrected text is quoted to parents).
    private static readonly string[] OcrNoise =
        ["Krysie", "Kryise", "kmyt", "kmt", " kit", "k't", "B0", "byskryss", "ardin", "ordinar ", "bruovengang", "Fartigrende", "fotlgjenger", "gangfeR", "=", "—"];

    private static readonly Rulebook Rulebook = RulebookSeeds.For("1833").ToRulebook();

    public static TheoryData<int, string, string> PublishedCells() => Tabell1.Cells(Published);

    public static TheoryData<int> Rows() => Tabell1.RowNumbers(Published.Length);

    [Theory]
    [MemberData(nameof(PublishedCells))]
    public void Rana_Tabell1_row_gives_published_outcome_for_each_grade(int row, string column, string cell)
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
    public void Rana_Tabell1_typical_leg_of_a_row_matches_that_row_only(int row)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, TypicalLeg(row));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
    }

    [Theory]
    [InlineData(100, 8, 5, TransportOutcome.YearRound)]
    [InlineData(80, 8, 5, TransportOutcome.YearRound)]
    [InlineData(70, 8, 6, TransportOutcome.None)]
    [InlineData(60, 5, 6, TransportOutcome.ConsiderWinter)]
    [InlineData(50, 5, 7, TransportOutcome.None)]
    [InlineData(50, 2, 7, TransportOutcome.ConsiderWinter)]
    [InlineData(40, 1, 7, TransportOutcome.YearRound)]
    public void Rana_T1_05_to_07_speed_boundaries_crossing_E6(int speed, int grade, int row, TransportOutcome expected)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Crossing(RoadCategory.European, speed, CrossingFacility.None));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(80, 3, 9, TransportOutcome.YearRound)]
    [InlineData(70, 3, 10, TransportOutcome.ConsiderWinter)]
    [InlineData(60, 1, 10, TransportOutcome.YearRound)]
    [InlineData(50, 1, 11, TransportOutcome.ConsiderWinter)]
    [InlineData(40, 1, 11, TransportOutcome.ConsiderWinter)]
    [InlineData(30, 1, 12, TransportOutcome.None)]
    public void Rana_T1_09_to_12_speed_boundaries_along_county_road(int speed, int grade, int row, TransportOutcome expected)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Along(RoadCategory.County, speed, PedestrianFacility.None));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(80, 2, 14, TransportOutcome.YearRound)]
    [InlineData(70, 2, 15, TransportOutcome.None)]
    [InlineData(60, 1, 15, TransportOutcome.YearRound)]
    [InlineData(50, 1, 16, TransportOutcome.ConsiderWinter)]
    [InlineData(30, 1, 18, TransportOutcome.None)]
    public void Rana_T1_14_to_18_speed_boundaries_crossing_municipal_road(int speed, int grade, int row, TransportOutcome expected)
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Crossing(RoadCategory.Municipal, speed, CrossingFacility.None));

        Assert.Equal([Id(row)], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(PedestrianFacility.Sidewalk)]
    [InlineData(PedestrianFacility.FootAndCyclePath)]
    public void Rana_T1_04_leg_with_sidewalk_or_path_on_E6_gives_none_in_every_grade(PedestrianFacility facility)
    {
        for (var grade = 1; grade <= 10; grade++)
        {
            var result = RuleEngine.EvaluateLeg(Rulebook.Rules, grade, Along(RoadCategory.European, 80, facility));

            Assert.Equal(["rana/T1-04"], result.MatchedRules.Select(rule => rule.Id));
            Assert.Equal((grade, TransportOutcome.None), (grade, result.Outcome));
        }
    }

    [Fact]
    public void Rana_T1_10_widened_shoulder_counts_as_without_sidewalk_or_path()
    {
        var result = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Along(RoadCategory.County, 60, PedestrianFacility.WidenedShoulder));

        Assert.Equal(["rana/T1-10"], result.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.YearRound, result.Outcome);
    }

    [Theory]
    [InlineData(CrossingFacility.MarkedCrosswalk)]
    [InlineData(CrossingFacility.RaisedCrosswalk)]
    [InlineData(CrossingFacility.Signalised)]
    [InlineData(CrossingFacility.Bridge)]
    [InlineData(CrossingFacility.Underpass)]
    public void Rana_T1_08_and_17_crossing_with_crosswalk_bridge_or_underpass_gives_none(CrossingFacility facility)
    {
        var e6 = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Crossing(RoadCategory.European, 80, facility));
        var county = RuleEngine.EvaluateLeg(Rulebook.Rules, 1, Crossing(RoadCategory.County, 80, facility));

        Assert.Equal(["rana/T1-08"], e6.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(["rana/T1-17"], county.MatchedRules.Select(rule => rule.Id));
        Assert.Equal(TransportOutcome.None, e6.Outcome);
        Assert.Equal(TransportOutcome.None, county.Outcome);
    }

    [Theory]
    [InlineData(RoadCategory.National)]
    [InlineData(RoadCategory.Private)]
    public void Rana_Tabell1_national_or_private_road_needs_manual_assessment(RoadCategory road)
    {
        var legs = new[] { Along(road, 80, PedestrianFacility.None), Crossing(road, 60, CrossingFacility.None) };

        var assessment = RuleEngine.Evaluate(Rulebook, 1, legs, 1.2m);

        Assert.True(assessment.ManualAssessmentRequired);
        Assert.All(assessment.Legs, leg => Assert.Empty(leg.MatchedRules));
        Assert.Equal(TransportOutcome.None, assessment.Outcome);
    }

    [Fact]
    public void Rana_rulebook_metadata_is_as_published()
    {
        Assert.Equal("1833", Rulebook.MunicipalityNumber);
        Assert.Equal(1, Rulebook.Version);
        Assert.Equal("1833/v1", Rulebook.VersionLabel);
        Assert.Equal(LanguageForm.Bokmal, Rulebook.LanguageForm);
        Assert.Equal(Columns, Rulebook.GradeBands);
        Assert.Equal(new WinterPeriod(11, 1, 4, 15), Rulebook.WinterPeriod);
        Assert.Equal(DecisionValidity.UntilCriteriaChange, Rulebook.DecisionValidity);
        Assert.Equal(ExpectedAppealChain, Rulebook.AppealChain);
        Assert.Equal(RuleProvenance.Published, Rulebook.Provenance);
        Assert.Contains("003_766fe7dea6de5ab4.txt", Rulebook.Source, StringComparison.Ordinal);
        Assert.Empty(Rulebook.DefinedSegments);
    }

    [Fact]
    public void Rana_rulebook_has_the_20_rows_in_order_with_unique_ids_texts_and_four_grade_columns()
    {
        Assert.Equal(Enumerable.Range(1, 20).Select(Id), Rulebook.Rules.Select(rule => rule.Id));
        Assert.Equal(Rulebook.Rules.Count, Rulebook.Rules.Select(rule => rule.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Rulebook.Rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Text));
            Assert.Equal(Columns, rule.OutcomesByGrades.Keys);

            // Each row records how its OCR'd cells were read.
            Assert.StartsWith("OCR: '", rule.Note, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rana_Tabell1_row_texts_are_free_of_OCR_noise()
    {
        Assert.All(Rulebook.Rules, rule => Assert.All(OcrNoise, noise => Assert.DoesNotContain(noise, rule.Text, StringComparison.Ordinal)));
        Assert.Equal("Krysse fylkes – og kommunal veg:\nFartsgrense 80 – 100 km/t\nUten regulert gangfelt eller lyskryss", Rulebook.Rules[13].Text);
    }

    [Fact]
    public void Rana_seed_loads_and_round_trips_through_json()
    {
        var document = RulebookSeeds.For("1833");
        var json = document.ToJson();

        Assert.Equal(json, RulebookDocument.Parse(json).ToJson());
        Assert.Equal(20, document.Rules.Count);
    }

    private static string Id(int row) => $"rana/T1-{row:00}";

    private static RouteLeg TypicalLeg(int row) => row switch
    {
        1 => Along(RoadCategory.European, 80, PedestrianFacility.None),
        2 => Along(RoadCategory.European, 70, PedestrianFacility.None),
        3 => Along(RoadCategory.European, 50, PedestrianFacility.None),
        4 => Along(RoadCategory.European, 60, PedestrianFacility.FootAndCyclePath),
        5 => Crossing(RoadCategory.European, 80, CrossingFacility.None),
        6 => Crossing(RoadCategory.European, 60, CrossingFacility.None),
        7 => Crossing(RoadCategory.European, 50, CrossingFacility.FacilitatedPoint),
        8 => Crossing(RoadCategory.European, 80, CrossingFacility.Signalised),
        9 => Along(RoadCategory.County, 80, PedestrianFacility.None),
        10 => Along(RoadCategory.County, 60, PedestrianFacility.None),
        11 => Along(RoadCategory.Municipal, 50, PedestrianFacility.None),
        12 => Along(RoadCategory.Municipal, 30, PedestrianFacility.None),
        13 => Along(RoadCategory.County, 50, PedestrianFacility.Sidewalk),
        14 => Crossing(RoadCategory.County, 80, CrossingFacility.None),
        15 => Crossing(RoadCategory.County, 60, CrossingFacility.None),
        16 => Crossing(RoadCategory.Municipal, 40, CrossingFacility.None),
        17 => Crossing(RoadCategory.County, 50, CrossingFacility.RaisedCrosswalk),
        18 => Crossing(RoadCategory.Municipal, 30, CrossingFacility.None),
        19 => Railway(secured: false),
        20 => Railway(secured: true),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "Rana Tabell 1 has rows 1-20."),
    };
}
