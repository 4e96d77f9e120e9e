using Mediator;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>The pre-assessed segments of a municipality in force today, optionally narrowed by a search text.</summary>
public sealed record ListDefinedSegmentsQuery(string MunicipalityNumber, string? School = null, string? Search = null) : IQuery<DefinedSegmentList?>;

public sealed record DefinedSegmentList(Rulebook Rulebook, (DateOnly From, DateOnly To) WinterPeriod, IReadOnlyList<DefinedSegment> Segments);

/// <summary>Null when the municipality has no rulebook in force.</summary>
public sealed class ListDefinedSegmentsHandler(RulebookProvider rulebooks, TimeProvider clock) : IQueryHandler<ListDefinedSegmentsQuery, DefinedSegmentList?>
{
    public async ValueTask<DefinedSegmentList?> Handle(ListDefinedSegmentsQuery query, CancellationToken cancellationToken)
    {
        var today = NorwegianTime.Today(clock.GetUtcNow());
        var rulebook = await rulebooks.InForceAsync(query.MunicipalityNumber, today, cancellationToken);
        if (rulebook is null)
        {
            return null;
        }

        var segments = rulebook.DefinedSegments
            .Where(s => string.IsNullOrWhiteSpace(query.School) || s.School.Contains(query.School.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrWhiteSpace(query.Search) || Matches(s, query.Search.Trim()))
            .ToList();
        return new DefinedSegmentList(rulebook, rulebook.WinterPeriod.InSchoolYear(NorwegianTime.SchoolYearStart(today)), segments);
    }

    private static bool Matches(DefinedSegment segment, string search) =>
        segment.School.Contains(search, StringComparison.OrdinalIgnoreCase)
        || segment.Road.Contains(search, StringComparison.OrdinalIgnoreCase)
        || segment.Description.Contains(search, StringComparison.OrdinalIgnoreCase);
}
