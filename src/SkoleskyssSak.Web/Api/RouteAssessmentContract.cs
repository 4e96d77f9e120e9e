using SkoleskyssSak.Domain.Routes;

namespace SkoleskyssSak.Web.Api;

/// <summary>POST /api/v1/route-assessments request (DESIGN.md §5).</summary>
public sealed record RouteAssessmentRequest(
    string? MunicipalityNumber,
    int? Grade,
    DateOnly? Date,
    decimal? DistanceKm,
    IReadOnlyList<LegRequest?>? Legs);

public sealed record LegRequest(
    LegKind? Kind,
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
    string Outcome,
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
public sealed record RulebookResponse(string Version, string Title, string Provenance, string? ProvenanceNote, string Source, DateOnly ValidFrom);

public sealed record LegResponse(int Index, string Outcome, bool ManualAssessmentRequired, IReadOnlyList<MatchedRuleResponse> MatchedRules, string Explanation);

public sealed record MatchedRuleResponse(string Id, string Text, string Outcome);
