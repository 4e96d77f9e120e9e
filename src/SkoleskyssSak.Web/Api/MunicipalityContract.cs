using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Api;

/// <summary>GET /api/v1/municipalities: a municipality that uses the service, and its rulebook in force today (if any).</summary>
public sealed record MunicipalityResponse(string Number, string Name, string County, LanguageForm LanguageForm, RulebookSummaryResponse? Rulebook);

/// <summary>The rulebook version in force, with this school year's winter period.</summary>
public sealed record RulebookSummaryResponse(
    string Version,
    string Title,
    RuleProvenance Provenance,
    DateOnly ValidFrom,
    IReadOnlyList<string> GradeBands,
    DecisionValidity DecisionValidity,
    PeriodResponse WinterPeriod);

/// <summary>GET /api/v1/municipalities/{number}/defined-segments: the pre-assessed segments of the rulebook in force.</summary>
public sealed record DefinedSegmentsResponse(string MunicipalityNumber, RulebookSummaryResponse Rulebook, IReadOnlyList<DefinedSegmentResponse> Segments);

/// <summary>A pre-assessed segment (forhåndsvurdert strekning) as the municipality's guideline describes it.</summary>
public sealed record DefinedSegmentResponse(
    string Id,
    string School,
    string Road,
    string Description,
    int? Aadt,
    string? SpeedLimit,
    string? WalkableSideArea,
    string? Lighting,
    string? FootAndCyclePath,
    string? Crosswalk,
    IReadOnlyDictionary<string, TransportOutcome> Outcomes,
    IReadOnlyList<GradeOutcomeResponse> ByGrade,
    string Assessment);

public sealed record GradeOutcomeResponse(int Grade, TransportOutcome Outcome);
