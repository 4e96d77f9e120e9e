using System.Globalization;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>
/// Sunnfjord's guideline (4647, Nynorsk): the reconstructed matrix grid, the other rows, the out-of-scope rule
/// for municipal roads under 50 km/h and the 25 pre-assessed segments of section 7.
/// </summary>
public sealed class SunnfjordRulebookTests
{
    private const string Reconstructed = "Rekonstruert – må stadfestast av kommunen";

    private static readonly Rulebook Book = RulebookSeeds.For("4647").ToRulebook();

    private static readonly RoadCategory[] PublicRoads = [RoadCategory.European, RoadCategory.National, RoadCategory.County, RoadCategory.Municipal];

    private static readonly int[] Speeds = [50, 60, 70, 80];

    private static readonly int[] AadtSamples = [0, 150, 300, 301, 500, 501, 1500, 1501, 3000, 3001, 5000, 5001, 20000];

    private static readonly Coverage[] Coverages = [Coverage.None, Coverage.Partial, Coverage.Full];

    private static readonly int[] BandGrades = [1, 4, 5, 7, 8, 10];

    // Section 7 as published: id, school, road, assessment ("Vurdering"), and the verdict per band 1-4, 5-7, 8-10
    // (Y = skyss heile året, W = vinterskyss, N = ingen skyss).
    private static readonly (string Id, string School, string Road, string Assessment, string Verdict)[] Published =
    [
        ("S-01", "Bygstad skule", "Bygstadvegen", "Skyss heile året for 1-4, vinterskyss for 5-7", "YWN"),
        ("S-02", "Bygstad skule", "Bygstadvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-03", "Bygstad skule", "Sjøvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-04", "Bygstad skule", "Laukelandsvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-05", "Bygstad skule", "Laukelandsvegen", "Skyss heile året for 1-4", "YNN"),
        ("S-06", "Bygstad skule", "Brekka", "Skyss heile året for 1-4, vinterskyss for 5-7", "YWN"),
        ("S-07", "Flatene skule", "Førdefjordvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-08", "Førde barneskule", "Naustdalsvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-09", "Halbrend skule", "Førdefjordvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-10", "Holsen skule", "FV613 Holsavegen mot Moskog", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-11", "Holsen skule", "FV613 mot Rørvika", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-12", "Naustdal skule", "Naustedalen", "Skyss heile året for 1-4, vinterskyss for 5-7.", "YWN"),
        ("S-13", "Naustdal skule", "Fjordavegen", "Skyss heile året for 1-4, vinterskyss for 5-7.", "YWN"),
        ("S-14", "Sande skule", "Viksdalsvegen", "Skyss heile året for 1-4, vinterskyss for 5-7.", "YWN"),
        ("S-15", "Sande skule", "Viksdalsvegen", "Skyss heile året for alle elevar.", "YYY"),
        ("S-16", "Skei skule", "E39", "Skyss heile året for 1-7.", "YYN"),
        ("S-17", "Slåtten skule", "FV481 mot Angedalen", "Skyss heile året for 1-4, vinterskyss for 5-7.", "YWN"),
        ("S-18", "Sunde skule", "E39 mot Movika", "Skuleskyss for alle elevar", "YYY"),
        ("S-19", "Sunde skule", "Sundsdaalen", "Vinterskyss for 1-7.", "WWN"),
        ("S-20", "Vassenden skule", "E39", "Skuleskyss for 1-4. Vinterskyss 5.-7.", "YWN"),
        ("S-21", "Vassenden skule", "Nikolai Astrups veg", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-22", "Vassenden skule", "E39", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-23", "Viksdalen skule", "Roska", "Skuleskyss for 1-4.", "YNN"),
        ("S-24", "Viksdalen skule", "Gaularfjellsvegen", "Skuleskyss for alle elevar heile året", "YYY"),
        ("S-25", "Viksdalen skule", "Gaularfjellsvegen", "Skyss heile året for 1-4. Vinterskyss for 5-7.", "YWN"),
    ];

    // The segments whose ÅDT, speed limit, side area, lighting and GSV are all given: each determines one grid cell.
    private static readonly string[] DeterminingSegments =
        ["S-02", "S-05", "S-08", "S-10", "S-11", "S-12", "S-13", "S-15", "S-16", "S-19", "S-21", "S-22", "S-25"];

    public static TheoryData<string, int, TransportOutcome> SegmentVerdicts
    {
        get
        {
            var data = new TheoryData<string, int, TransportOutcome>();
            foreach (var (id, _, _, _, verdict) in Published)
            {
                foreach (var grade in BandGrades)
                {
                    data.Add(id, grade, Outcome(verdict[BandIndex(grade)]));
                }
            }

            return data;
        }
    }

    public static TheoryData<string> DeterminingSegmentIds => new(DeterminingSegments);

    public static TheoryData<RoadFunction, int, int> StopSightDistances => new()
    {
        { RoadFunction.Main, 80, 115 },
        { RoadFunction.Main, 70, 90 },
        { RoadFunction.Main, 60, 70 },
        { RoadFunction.Main, 50, 55 },
        { RoadFunction.Collector, 80, 100 },
        { RoadFunction.Collector, 70, 78 },
        { RoadFunction.Collector, 60, 61 },
        { RoadFunction.Collector, 50, 48 },
    };

    [Theory]
    [MemberData(nameof(SegmentVerdicts))]
    public void Every_pre_assessed_segment_gives_its_published_verdict_per_band(string id, int grade, TransportOutcome expected)
    {
        Assert.Equal(expected, Segment(id).OutcomeFor(grade));
    }

    [Fact]
    public void Segments_carry_school_road_and_assessment_as_published()
    {
        Assert.Equal(Published.Select(p => "sunnfjord/" + p.Id), Book.DefinedSegments.Select(s => s.Id));
        foreach (var (id, school, road, assessment, _) in Published)
        {
            var segment = Segment(id);
            Assert.Equal(school, segment.School);
            Assert.Equal(road, segment.Road);
            Assert.Equal(assessment, segment.Assessment);
            Assert.Equal(["1-4", "5-7", "8-10"], segment.Outcomes.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Segment_road_data_is_kept_as_published_including_the_ambiguous_cells()
    {
        var bygstad = Segment("S-01");
        Assert.Equal(600, bygstad.Aadt);
        Assert.Equal("60", bygstad.SpeedLimit);
        Assert.Equal("Ikkje i krapp sving", bygstad.WalkableSideArea);
        Assert.Equal("Ja", bygstad.Lighting);
        var brekka = Segment("S-06");
        Assert.Null(brekka.Aadt);
        Assert.Equal("Delvis", brekka.WalkableSideArea);
        var vassenden = Segment("S-20");
        Assert.Null(vassenden.Aadt);
        Assert.Null(vassenden.SpeedLimit);
        Assert.Null(vassenden.WalkableSideArea);
        Assert.Equal("Ja", vassenden.Lighting);
        Assert.Equal("50/80", Segment("S-14").SpeedLimit);
        Assert.Equal("60/80", Segment("S-23").SpeedLimit);
        Assert.Equal("Delvis", Segment("S-25").Lighting);
        Assert.Null(Segment("S-17").Crosswalk);
    }

    [Fact]
    public void Exactly_the_segments_with_complete_road_data_determine_a_leg()
    {
        var determining = Book.DefinedSegments
            .Where(s => LegOf(s, RoadCategory.County) is not null)
            .Select(s => s.Id["sunnfjord/".Length..]);
        Assert.Equal(DeterminingSegments, determining);
    }

    [Theory]
    [MemberData(nameof(DeterminingSegmentIds))]
    public void The_grid_agrees_with_every_segment_whose_data_determines_a_leg(string id)
    {
        var segment = Segment(id);
        foreach (var category in PublicRoads)
        {
            var leg = LegOf(segment, category)!;
            for (var grade = 1; grade <= 10; grade++)
            {
                var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
                var rule = Assert.Single(assessed.MatchedRules);
                Assert.StartsWith("sunnfjord/M-", rule.Id, StringComparison.Ordinal);
                Assert.True(
                    segment.OutcomeFor(grade) == assessed.Outcome,
                    $"{id} ({category}, grade {grade}): segment {segment.OutcomeFor(grade)}, {rule.Id} {assessed.Outcome}");
            }
        }
    }

    [Fact]
    public void The_grid_has_one_row_per_speed_road_type_and_aadt_band()
    {
        var grid = Book.Rules.Where(r => r.Id.StartsWith("sunnfjord/M-", StringComparison.Ordinal)).ToList();
        Assert.Equal(4 * 4 * 6, grid.Count);
        Assert.All(grid, r => Assert.StartsWith(Reconstructed, r.Note, StringComparison.Ordinal));
        Assert.All(grid, r => Assert.Equal([PedestrianFacility.None], r.When.PedestrianFacilities!));

        // Every leg without facilities on a public road at 50-80 km/h is covered by exactly one cell.
        foreach (var leg in GridLegs(RoadCategory.County))
        {
            Assert.Single(grid, r => r.Matches(leg));
        }
    }

    [Fact]
    public void The_grid_is_monotone_in_speed_traffic_side_area_lighting_and_grade()
    {
        var violations = new List<string>();
        foreach (var leg in GridLegs(RoadCategory.European))
        {
            for (var grade = 1; grade <= 10; grade++)
            {
                var outcome = Proposed(leg, grade);
                Check(leg with { SpeedLimit = Next(Speeds, leg.SpeedLimit!.Value) }, grade, outcome, "higher speed");
                Check(leg with { Aadt = Next(AadtSamples, leg.Aadt!.Value) }, grade, outcome, "higher ÅDT");
                Check(leg with { WalkableSideArea = Less(leg.WalkableSideArea!.Value) }, grade, outcome, "less side area");
                Check(leg with { Lighting = Less(leg.Lighting!.Value) }, grade, outcome, "less light");
                if (grade > 1)
                {
                    Check(leg, grade - 1, outcome, "younger grade");
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        void Check(RouteLeg riskier, int grade, TransportOutcome safer, string what)
        {
            var outcome = Proposed(riskier, grade);
            if (outcome < safer)
            {
                violations.Add($"{what}: {Describe(riskier)} grade {grade} gives {outcome} < {safer}");
            }
        }
    }

    [Fact]
    public void The_grid_is_the_least_monotone_fill_that_agrees_with_the_segments()
    {
        // Each cell gets, per grade, the most generous outcome of the determining segments that are no more dangerous
        // (lower or equal speed and ÅDT band, no less side area or light) for that grade or an older one, and no more.
        var segments = DeterminingSegments
            .Select(id => (Leg: LegOf(Segment(id), RoadCategory.County)!, Segment: Segment(id)))
            .ToList();
        var differences = new List<string>();
        foreach (var leg in GridLegs(RoadCategory.County))
        {
            for (var grade = 1; grade <= 10; grade++)
            {
                var least = TransportOutcome.None;
                foreach (var (segmentLeg, segment) in segments.Where(s => NoMoreDangerous(s.Leg, leg)))
                {
                    for (var older = grade; older <= 10; older++)
                    {
                        least = segment.OutcomeFor(older) > least ? segment.OutcomeFor(older) : least;
                    }
                }

                if (Proposed(leg, grade) != least)
                {
                    differences.Add($"{Describe(leg)} grade {grade}: {Proposed(leg, grade)}, least {least}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(30)]
    [InlineData(49)]
    public void A_municipal_road_under_50_falls_outside(int speed)
    {
        var legs = new[]
        {
            new RouteLeg(LegKind.Along, RoadCategory.Municipal, speed, 200, PedestrianFacility.None, Coverage.None, Coverage.None),
            new RouteLeg(LegKind.Along, RoadCategory.Municipal, speed, 4000, PedestrianFacility.None, Coverage.None, Coverage.None, Roadworks: true, DoubleSidedObstacle: true),
            new RouteLeg(LegKind.Crossing, RoadCategory.Municipal, speed, 1200, CrossingFacility: CrossingFacility.None),
        };
        foreach (var leg in legs)
        {
            for (var grade = 1; grade <= 10; grade++)
            {
                var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
                Assert.Equal(TransportOutcome.None, assessed.Outcome);
                Assert.False(assessed.ManualAssessmentRequired);
                Assert.Contains(assessed.MatchedRules, r => r.Id == "sunnfjord/UTANFOR-KOMMUNAL-UNDER-50");
            }
        }
    }

    [Fact]
    public void The_out_of_scope_rule_covers_only_municipal_roads_under_50()
    {
        var county40 = new RouteLeg(LegKind.Along, RoadCategory.County, 40, 200, PedestrianFacility.None, Coverage.None, Coverage.None);
        var county = RuleEngine.EvaluateLeg(Book.Rules, 1, county40);
        Assert.DoesNotContain(county.MatchedRules, r => r.Id == "sunnfjord/UTANFOR-KOMMUNAL-UNDER-50");
        Assert.True(county.ManualAssessmentRequired);

        var municipal50 = county40 with { RoadCategory = RoadCategory.Municipal, SpeedLimit = 50 };
        var fifty = RuleEngine.EvaluateLeg(Book.Rules, 1, municipal50);
        Assert.Equal(["sunnfjord/M-50-T1-ADT0-300"], fifty.UnconfirmedRules.Select(r => r.Id));
        Assert.True(fifty.ManualAssessmentRequired);

        var rule = Book.Rules.Single(r => r.Id == "sunnfjord/UTANFOR-KOMMUNAL-UNDER-50");
        Assert.Equal("Kommunale vegar med fartsgrense under 50 km/t er vurderte til å falle utanfor kategorien særleg farleg og vanskeleg skuleveg.", rule.Text);
        Assert.Contains(rule.Text, rule.Note, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StopSightDistances))]
    public void Stop_sight_shorter_than_the_table_distance_matches(RoadFunction function, int speed, int metres)
    {
        var id = $"sunnfjord/STOPPSIKT-{(function == RoadFunction.Main ? "HOVUDVEG" : "SAMLEVEG")}-{speed.ToString(CultureInfo.InvariantCulture)}";
        var leg = new RouteLeg(LegKind.Along, RoadCategory.County, speed, 2000, PedestrianFacility.Sidewalk, RoadFunction: function);

        var shorter = RuleEngine.EvaluateLeg(Book.Rules, 1, leg with { StopSightDistanceM = metres - 1 });
        Assert.Contains(shorter.MatchedRules, r => r.Id == id);
        Assert.Equal(TransportOutcome.Winter, shorter.Outcome);
        Assert.Equal(TransportOutcome.None, RuleEngine.EvaluateLeg(Book.Rules, 8, leg with { StopSightDistanceM = metres - 1 }).Outcome);

        var enough = RuleEngine.EvaluateLeg(Book.Rules, 1, leg with { StopSightDistanceM = metres });
        Assert.DoesNotContain(enough.MatchedRules, r => r.Id.StartsWith("sunnfjord/STOPPSIKT-", StringComparison.Ordinal));
        Assert.Equal(TransportOutcome.None, enough.Outcome);

        var otherFunction = function == RoadFunction.Main ? RoadFunction.Collector : RoadFunction.Main;
        Assert.DoesNotContain(
            RuleEngine.EvaluateLeg(Book.Rules, 1, leg with { StopSightDistanceM = metres - 1, RoadFunction = otherFunction }).MatchedRules,
            r => r.Id == id);
    }

    [Theory]
    [InlineData("K-FOTGJENGARFELT", "crossing", "markedCrosswalk", "NNN")]
    [InlineData("K-TILRETTELAGT", "crossing", "facilitatedPoint", "NNN")]
    [InlineData("K-BRU-UNDERGANG", "crossing", "underpass", "NNN")]
    [InlineData("K-UTAN-ANLEGG-ADT-OVER-300", "crossing", "none", "YWN")]
    public void Facility_and_crossing_rows_give_their_encoded_outcome(string row, string kind, string facility, string verdict)
    {
        var leg = kind == "along"
            ? new RouteLeg(LegKind.Along, RoadCategory.County, 60, 2000, Enum.Parse<PedestrianFacility>(facility, ignoreCase: true))
            : new RouteLeg(LegKind.Crossing, RoadCategory.County, 50, 2000, CrossingFacility: Enum.Parse<CrossingFacility>(facility, ignoreCase: true));
        foreach (var grade in BandGrades)
        {
            var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
            Assert.Equal(["sunnfjord/" + row], assessed.MatchedRules.Select(r => r.Id));
            Assert.Equal(Outcome(verdict[BandIndex(grade)]), assessed.Outcome);
        }
    }

    // Section 6: the matrix's colours are not in the text. A cell that no pre-assessed segment fixes, and the facility
    // rows (gang- og sykkelveg, fortau, utvida vegskulder), answer "manual assessment required" with the note "ikkje
    // stadfesta av kommunen", never a definite "none"; the cells a segment fixes keep their value.
    public static TheoryData<string> UnconfirmedGridCells()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Book.Rules.Where(r => r.Id.StartsWith("sunnfjord/M-", StringComparison.Ordinal) && !FixedBySegment(r)))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    public static TheoryData<string> FixedGridCells()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Book.Rules.Where(r => r.Id.StartsWith("sunnfjord/M-", StringComparison.Ordinal) && FixedBySegment(r)))
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Fact]
    public void Sunnfjord_exactly_the_grid_cells_fixed_by_a_segment_are_confirmed()
    {
        string[] fixedCells =
        [
            "sunnfjord/M-60-T1-ADT0-300", "sunnfjord/M-60-T1-ADT301-500", "sunnfjord/M-80-T1-ADT301-500", "sunnfjord/M-60-T1-ADT501-1500",
            "sunnfjord/M-80-T3-ADT301-500", "sunnfjord/M-70-T3-ADT501-1500", "sunnfjord/M-80-T3-ADT501-1500", "sunnfjord/M-60-T3-ADT1501-3000",
            "sunnfjord/M-60-T4-ADT301-500", "sunnfjord/M-80-T4-ADT301-500", "sunnfjord/M-70-T4-ADT3001-5000", "sunnfjord/M-80-T4-ADT3001-5000",
        ];

        var grid = Book.Rules.Where(r => r.Id.StartsWith("sunnfjord/M-", StringComparison.Ordinal)).ToList();
        Assert.Equal(fixedCells.Order(StringComparer.Ordinal), grid.Where(FixedBySegment).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(fixedCells.Order(StringComparer.Ordinal), grid.Where(r => !r.Unconfirmed).Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(UnconfirmedGridCells))]
    public void Sunnfjord_a_grid_cell_no_segment_fixes_needs_a_manual_assessment_not_stadfesta(string id)
    {
        var rule = Book.Rules.Single(r => r.Id == id);
        Assert.True(rule.Unconfirmed);
        Assert.Contains("Ikkje stadfesta av kommunen", rule.Note, StringComparison.Ordinal);

        foreach (var leg in GridLegs(RoadCategory.County).Where(rule.Matches))
        {
            foreach (var grade in BandGrades)
            {
                var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
                Assert.True(assessed.ManualAssessmentRequired, $"{id}: {Describe(leg)} grade {grade}");
                Assert.Empty(assessed.MatchedRules);
                Assert.Equal([id], assessed.UnconfirmedRules.Select(r => r.Id));
                Assert.Contains("ikkje stadfesta av kommunen", AssessmentExplainer.Leg(assessed, grade, Book, 2026), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixedGridCells))]
    public void Sunnfjord_a_grid_cell_fixed_by_a_segment_keeps_its_value(string id)
    {
        var rule = Book.Rules.Single(r => r.Id == id);
        Assert.False(rule.Unconfirmed);

        foreach (var leg in GridLegs(RoadCategory.County).Where(rule.Matches))
        {
            foreach (var grade in BandGrades)
            {
                var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
                Assert.False(assessed.ManualAssessmentRequired, $"{id}: {Describe(leg)} grade {grade}");
                Assert.Equal([id], assessed.MatchedRules.Select(r => r.Id));
                Assert.Equal(rule.OutcomeFor(grade), assessed.Outcome);
            }
        }
    }

    [Theory]
    [InlineData("A-GSV", PedestrianFacility.FootAndCyclePath)]
    [InlineData("A-FORTAU", PedestrianFacility.Sidewalk)]
    [InlineData("A-UTVIDA-SKULDER", PedestrianFacility.WidenedShoulder)]
    public void Sunnfjord_facility_rows_whose_colours_are_unknown_need_a_manual_assessment_not_a_definite_none(string row, PedestrianFacility facility)
    {
        var leg = new RouteLeg(LegKind.Along, RoadCategory.County, 60, 2000, facility);
        Assert.Contains("Ikkje stadfesta av kommunen", Book.Rules.Single(r => r.Id == "sunnfjord/" + row).Note, StringComparison.Ordinal);
        foreach (var grade in BandGrades)
        {
            var assessed = RuleEngine.EvaluateLeg(Book.Rules, grade, leg);
            Assert.True(assessed.ManualAssessmentRequired);
            Assert.Empty(assessed.MatchedRules);
            Assert.Equal(["sunnfjord/" + row], assessed.UnconfirmedRules.Select(r => r.Id));
            Assert.Contains("ikkje stadfesta av kommunen", AssessmentExplainer.Leg(assessed, grade, Book, 2026), StringComparison.Ordinal);
        }

        // A confirmed row that already gives transport all year settles the leg; one that gives less leaves it open.
        Assert.False(RuleEngine.EvaluateLeg(Book.Rules, 10, leg with { Roadworks = true }).ManualAssessmentRequired);
        Assert.True(RuleEngine.EvaluateLeg(Book.Rules, 8, leg with { DoubleSidedObstacle = true }).ManualAssessmentRequired);
    }

    private static bool FixedBySegment(MatrixRule rule) =>
        rule.Note!.Contains("Fargen er fastsett av definert strekning", StringComparison.Ordinal);

    [Theory]
    [InlineData(299, "sunnfjord/K-UTAN-ANLEGG-ADT-UNDER-300")]
    [InlineData(300, null)]
    [InlineData(301, "sunnfjord/K-UTAN-ANLEGG-ADT-OVER-300")]
    public void Crossing_without_facility_is_split_at_aadt_300_as_written(int aadt, string? expected)
    {
        var leg = new RouteLeg(LegKind.Crossing, RoadCategory.County, 60, aadt, CrossingFacility: CrossingFacility.None);
        var assessed = RuleEngine.EvaluateLeg(Book.Rules, 1, leg);
        Assert.Equal(expected is null ? Array.Empty<string>() : new[] { expected }, assessed.MatchedRules.Select(r => r.Id));
    }

    [Fact]
    public void A_crosswalk_in_a_60_zone_needs_special_approval_and_so_a_manual_assessment()
    {
        var leg = new RouteLeg(LegKind.Crossing, RoadCategory.County, 60, 2000, CrossingFacility: CrossingFacility.MarkedCrosswalk);
        Assert.True(RuleEngine.EvaluateLeg(Book.Rules, 1, leg).ManualAssessmentRequired);
    }

    [Fact]
    public void Road_works_and_double_sided_obstacles_raise_a_safe_leg()
    {
        var sidewalk = new RouteLeg(LegKind.Along, RoadCategory.County, 60, 2000, PedestrianFacility.Sidewalk);
        Assert.Equal(TransportOutcome.YearRound, RuleEngine.EvaluateLeg(Book.Rules, 10, sidewalk with { Roadworks = true }).Outcome);
        Assert.Equal(TransportOutcome.YearRound, RuleEngine.EvaluateLeg(Book.Rules, 7, sidewalk with { DoubleSidedObstacle = true }).Outcome);
        Assert.Equal(TransportOutcome.None, RuleEngine.EvaluateLeg(Book.Rules, 8, sidewalk with { DoubleSidedObstacle = true }).Outcome);
        Assert.Equal(TransportOutcome.None, RuleEngine.EvaluateLeg(Book.Rules, 1, sidewalk with { Roadworks = false, DoubleSidedObstacle = false }).Outcome);
    }

    [Fact]
    public void Metadata_is_as_published_and_marked_reconstructed()
    {
        Assert.Equal("4647", Book.MunicipalityNumber);
        Assert.Equal("4647/v1", Book.VersionLabel);
        Assert.Equal(RuleProvenance.Reconstructed, Book.Provenance);
        Assert.Equal(LanguageForm.Nynorsk, Book.LanguageForm);
        Assert.Equal(["1-4", "5-7", "8-10"], Book.GradeBands);
        Assert.Equal(["sf-vestland"], Book.AppealChain);
        Assert.Equal(DecisionValidity.OneSchoolYear, Book.DecisionValidity);
        Assert.Equal(new DateOnly(2025, 8, 1), Book.ValidFrom);
        Assert.Contains("Sunnfjord kommune 2025-2028", Book.Title, StringComparison.Ordinal);
        Assert.Contains("rekonstruert – må stadfestast av kommunen", Book.Source, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2026, 10, 15), new DateOnly(2027, 3, 15)), Book.WinterPeriod.InSchoolYear(2026));
        Assert.Equal("15.10.–15.03.", Book.WinterPeriod.ToString());

        Assert.Equal(25, Book.DefinedSegments.Count);
        Assert.Equal(Book.DefinedSegments.Count, Book.DefinedSegments.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Book.Rules.Count, Book.Rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Book.Rules, r => Assert.StartsWith("sunnfjord/", r.Id, StringComparison.Ordinal));
        Assert.All(Book.DefinedSegments, s => Assert.StartsWith("sunnfjord/S-", s.Id, StringComparison.Ordinal));

        // Every row except the published out-of-scope sentence has a reconstructed outcome.
        Assert.All(
            Book.Rules.Where(r => r.Id != "sunnfjord/UTANFOR-KOMMUNAL-UNDER-50"),
            r => Assert.StartsWith(Reconstructed, r.Note, StringComparison.Ordinal));
        Assert.All(Book.Rules, r => Assert.All(r.OutcomesByGrades.Keys, k => Assert.Contains(k, Book.GradeBands)));
    }

    [Fact]
    public void The_document_survives_a_json_round_trip()
    {
        var document = RulebookSeeds.For("4647");
        var again = RulebookDocument.Parse(document.ToJson()).ToRulebook();
        Assert.Equal(Book.Rules.Select(r => (r.Id, r.Text, r.Note)), again.Rules.Select(r => (r.Id, r.Text, r.Note)));
        Assert.Equal(Book.DefinedSegments.Select(s => (s.Id, s.Assessment, s.OutcomeFor(5))), again.DefinedSegments.Select(s => (s.Id, s.Assessment, s.OutcomeFor(5))));
    }

    private static DefinedSegment Segment(string id) => Book.DefinedSegments.Single(s => s.Id == "sunnfjord/" + id);

    private static int BandIndex(int grade) => grade <= 4 ? 0 : grade <= 7 ? 1 : 2;

    private static TransportOutcome Outcome(char code) => code switch
    {
        'Y' => TransportOutcome.YearRound,
        'W' => TransportOutcome.Winter,
        'N' => TransportOutcome.None,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>The leg a segment describes, when its road data is complete (published "Ja"/"Nei"/"Delvis", one speed, an ÅDT).</summary>
    private static RouteLeg? LegOf(DefinedSegment segment, RoadCategory category)
    {
        if (segment.Aadt is not { } aadt
            || !int.TryParse(segment.SpeedLimit, NumberStyles.None, CultureInfo.InvariantCulture, out var speed)
            || CoverageOf(segment.WalkableSideArea) is not { } side
            || CoverageOf(segment.Lighting) is not { } lighting
            || FacilityOf(segment.FootAndCyclePath) is not { } facility)
        {
            return null;
        }

        return new RouteLeg(LegKind.Along, category, speed, aadt, facility, side, lighting);
    }

    private static Coverage? CoverageOf(string? text) => text switch
    {
        "Ja" => Coverage.Full,
        "Delvis" => Coverage.Partial,
        "Nei" => Coverage.None,
        _ => null,
    };

    private static PedestrianFacility? FacilityOf(string? gsv) => gsv switch
    {
        "Ja" => PedestrianFacility.FootAndCyclePath,
        "Nei" => PedestrianFacility.None,
        _ => null,
    };

    private static IEnumerable<RouteLeg> GridLegs(RoadCategory category) =>
        from speed in Speeds
        from aadt in AadtSamples
        from side in Coverages
        from lighting in Coverages
        select new RouteLeg(LegKind.Along, category, speed, aadt, PedestrianFacility.None, side, lighting);

    /// <summary>
    /// The danger order of the grid: speed, ÅDT band, road type. "Med gangbart sideareal" is full side area (partial
    /// counts as without); "med lys" is partial or full lighting.
    /// </summary>
    private static bool NoMoreDangerous(RouteLeg a, RouteLeg b) =>
        a.SpeedLimit <= b.SpeedLimit
        && AadtBand(a.Aadt!.Value) <= AadtBand(b.Aadt!.Value)
        && (a.WalkableSideArea == Coverage.Full || b.WalkableSideArea != Coverage.Full)
        && (a.Lighting != Coverage.None || b.Lighting == Coverage.None);

    private static int AadtBand(int aadt) => aadt switch
    {
        <= 300 => 0,
        <= 500 => 1,
        <= 1500 => 2,
        <= 3000 => 3,
        <= 5000 => 4,
        _ => 5,
    };

    /// <summary>The reconstruction proposed to the municipality: the outcome of the one grid cell the leg falls in, confirmed or not.</summary>
    private static TransportOutcome Proposed(RouteLeg leg, int grade) =>
        Book.Rules.Single(r => r.Id.StartsWith("sunnfjord/M-", StringComparison.Ordinal) && r.Matches(leg)).OutcomeFor(grade);

    private static int Next(int[] ordered, int value) => ordered.FirstOrDefault(v => v > value, value);

    private static Coverage Less(Coverage coverage) => coverage == Coverage.None ? Coverage.None : coverage - 1;

    private static string Describe(RouteLeg leg) =>
        $"{leg.SpeedLimit} km/t, ÅDT {leg.Aadt}, sideareal {leg.WalkableSideArea}, lys {leg.Lighting}";
}
