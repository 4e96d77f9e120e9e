using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Api;

/// <summary>POST /api/v1/route-assessments request (DESIGN.md §5).</summary>
public sealed record RouteAssessmentRequest(
    [property: Required, Description("Kommunenummer, fire siffer (5028).")] string? MunicipalityNumber,
    [property: Required, Range(1, 10), Description("Trinn 1–10.")] int? Grade,
    [property: Description("Dato for vurderingen; i dag om den ikke er oppgitt.")] DateOnly? Date,
    [property: Description("Lengde på skolevegen i km.")] decimal? DistanceKm,
    [property: Required, Description("Skolevegens strekninger, minst én.")] IReadOnlyList<LegRequest?>? Legs);

public sealed record LegRequest(
    [property: Required] LegKind? Kind,
    RoadCategory? RoadCategory,
    int? SpeedLimit,
    int? Aadt,
    PedestrianFacility? PedestrianFacility,
    Coverage? WalkableSideArea,
    Coverage? Lighting,
    bool? Roadworks,
    int? StopSightDistanceM,
    RoadFunction? RoadFunction,
    bool? DoubleSidedObstacle,
    CrossingFacility? CrossingFacility,
    bool? Secured);

public sealed record RouteAssessmentResponse(
    string MunicipalityNumber,
    int Grade,
    DateOnly Date,
    TransportOutcome Outcome,
    bool ManualAssessmentRequired,
    bool DistanceEntitlement,
    decimal DistanceLimitKm,
    PeriodResponse WinterPeriod,
    RulebookResponse Rulebook,
    IReadOnlyList<LegResponse> Legs,
    string Explanation,
    string Guidance);

public sealed record PeriodResponse(DateOnly From, DateOnly To);

/// <summary>Which rulebook version answered; provenance "reconstructed" means: to be confirmed by the municipality.</summary>
public sealed record RulebookResponse(string Version, string Title, RuleProvenance Provenance, string? ProvenanceNote, string Source, DateOnly ValidFrom);

public sealed record LegResponse(int Index, TransportOutcome Outcome, bool ManualAssessmentRequired, IReadOnlyList<MatchedRuleResponse> MatchedRules, string Explanation);

public sealed record MatchedRuleResponse(string Id, string Text, TransportOutcome Outcome);
