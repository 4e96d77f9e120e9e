using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Tests.Assessments;

/// <summary>
/// The rulebook the assessment tests assess against: Melhus (5028, version 1, Bokmål, grade bands 1 / 2-4 / 5-7 / 8-10,
/// winter 1 November–31 March) with the rows and segments a test needs, shaped like Tabell 1 (seed 002, kap. 6).
/// </summary>
internal static class TestRulebooks
{
    /// <summary>Melhus Tabell 1 row 08: county road, 60–70 km/h, no sidewalk or foot and cycle path.</summary>
    public static readonly MatrixRule MelhusT1_08 = new(
        "melhus/T1-08",
        "Fylkes- og kommunal veg: 60–70 km/t uten gang-/sykkelveg/fortau",
        new LegCondition { Kind = LegKind.Along, RoadCategories = [RoadCategory.County], SpeedMin = 60, SpeedMax = 70, PedestrianFacilities = [PedestrianFacility.None] },
        new Dictionary<string, TransportOutcome> { ["1-4"] = TransportOutcome.YearRound, ["5-7"] = TransportOutcome.ConsiderWinter, ["8-10"] = TransportOutcome.None });

    /// <summary>Melhus Tabell 1 row 11: county road, 40–100 km/h, with sidewalk or foot and cycle path.</summary>
    public static readonly MatrixRule MelhusT1_11 = new(
        "melhus/T1-11",
        "Fylkes- og kommunal veg: 40–100 km/t med gang-/sykkelveg/fortau",
        new LegCondition { Kind = LegKind.Along, RoadCategories = [RoadCategory.County], SpeedMin = 40, SpeedMax = 100, PedestrianFacilities = [PedestrianFacility.Sidewalk, PedestrianFacility.FootAndCyclePath] },
        new Dictionary<string, TransportOutcome> { ["1-10"] = TransportOutcome.None });

    /// <summary>A pre-assessed segment: winter transport for grades 1–4.</summary>
    public static readonly DefinedSegment MelhusS01 = new(
        "melhus/S-01", "Gimse skole", "Fv. 6638", "Brubakken", 3000, "60", null, null, null, null,
        new Dictionary<string, TransportOutcome> { ["1-4"] = TransportOutcome.Winter, ["5-10"] = TransportOutcome.None }, "Smal veg");

    /// <summary>Melhus's rulebook with these rows and segments.</summary>
    public static Rulebook Melhus(IReadOnlyList<MatrixRule> rules, IReadOnlyList<DefinedSegment>? segments = null) => new()
    {
        MunicipalityNumber = "5028",
        Version = 1,
        Title = "Test",
        AdoptedBy = "Test",
        ValidFrom = new DateOnly(2025, 8, 1),
        LanguageForm = LanguageForm.Bokmal,
        GradeBands = ["1", "2-4", "5-7", "8-10"],
        WinterPeriod = new WinterPeriod(11, 1, 3, 31),
        DecisionValidity = DecisionValidity.OneSchoolYear,
        AppealChain = [],
        Provenance = RuleProvenance.Published,
        Source = "test",
        Rules = rules,
        DefinedSegments = segments ?? [],
    };
}
