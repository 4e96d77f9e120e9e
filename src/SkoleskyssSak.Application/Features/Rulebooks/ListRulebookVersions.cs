using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>The version history of a municipality's rulebook, newest first.</summary>
public sealed record ListRulebookVersionsQuery(string MunicipalityNumber) : IQuery<IReadOnlyList<RulebookVersionSummary>>;

public sealed record RulebookVersionSummary(
    string MunicipalityNumber,
    int Version,
    RulebookStatus Status,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ActivatedAt)
{
    /// <summary>"5028/v2", as stored on assessments and decisions.</summary>
    public string Label => $"{MunicipalityNumber}/v{Version}";
}

public sealed class ListRulebookVersionsHandler(IApplicationDbContext db) : IQueryHandler<ListRulebookVersionsQuery, IReadOnlyList<RulebookVersionSummary>>
{
    public async ValueTask<IReadOnlyList<RulebookVersionSummary>> Handle(ListRulebookVersionsQuery query, CancellationToken cancellationToken)
    {
        return await db.RulebookVersions.AsNoTracking()
            .Where(r => r.MunicipalityNumber == query.MunicipalityNumber)
            .OrderByDescending(r => r.Version)
            .Select(r => new RulebookVersionSummary(r.MunicipalityNumber, r.Version, r.Status, r.ValidFrom, r.ValidTo, r.CreatedAt, r.ActivatedAt))
            .ToListAsync(cancellationToken);
    }
}
