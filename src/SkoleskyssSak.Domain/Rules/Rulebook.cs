using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// One version of a municipality's guideline for særlig farlig eller vanskelig skoleveg: the objective matrix
/// as data, the pre-assessed segments, the winter period and the policies that decisions use. Active versions
/// are immutable; a revised guideline is a new version (DESIGN.md §6).
/// </summary>
public sealed record Rulebook
{
    public required string MunicipalityNumber { get; init; }

    public required int Version { get; init; }

    public required string Title { get; init; }

    public required string AdoptedBy { get; init; }

    public DateOnly? AdoptedOn { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public required LanguageForm LanguageForm { get; init; }

    /// <summary>The columns of the published table, e.g. 1, 2-4, 5-7, 8-10.</summary>
    public required IReadOnlyList<string> GradeBands { get; init; }

    public required WinterPeriod WinterPeriod { get; init; }

    public required DecisionValidity DecisionValidity { get; init; }

    /// <summary>Appeal bodies after the municipality, in order (codes of AppealBody).</summary>
    public required IReadOnlyList<string> AppealChain { get; init; }

    /// <summary>Published exactly, or reconstructed (to be confirmed by the municipality).</summary>
    public required RuleProvenance Provenance { get; init; }

    /// <summary>Where the rules come from: the seed file and section.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<MatrixRule> Rules { get; init; }

    public IReadOnlyList<DefinedSegment> DefinedSegments { get; init; } = [];

    /// <summary>A label such as "melhus/v1", stored on every assessment and decision.</summary>
    public string VersionLabel => $"{MunicipalityNumber}/v{Version}";
}

public enum DecisionValidity
{
    OneSchoolYear,
    UntilCriteriaChange,
}

public enum RuleProvenance
{
    Published,
    Reconstructed,
}
