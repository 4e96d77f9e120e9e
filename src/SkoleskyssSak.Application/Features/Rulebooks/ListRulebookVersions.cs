using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>The version history of a municipality's rulebook, newest first.</summary>
public sealed record ListRulebookVersionsQuery(string MunicipalityNumber);

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

public sealed class ListRulebookVersionsHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<RulebookVersionSummary>> HandleAsync(ListRulebookVersionsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await db.RulebookVersions.AsNoTracking()
            .Where(r => r.MunicipalityNumber == query.MunicipalityNumber)
            .OrderByDescending(r => r.Version)
            .Select(r => new RulebookVersionSummary(r.MunicipalityNumber, r.Version, r.Status, r.ValidFrom, r.ValidTo, r.CreatedAt, r.ActivatedAt))
            .ToListAsync(cancellationToken);
    }
}
