using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Finds the rulebook version in force for a municipality on a date. Versions that are in force never change,
/// so their parsed form is cached for good; the list of versions per municipality is re-read after
/// <see cref="IndexLifetime"/>, which bounds how long a newly activated version takes to reach every node.
/// The validity dates come from the stored version (retiring a version sets its end date, not its content),
/// so the cache is keyed by version and end date.
/// </summary>
public sealed class RulebookProvider(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan IndexLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid Id, DateOnly? ValidTo), Rulebook> parsed = new();
    private volatile VersionIndex? index;

    /// <summary>The version in force on <paramref name="date"/>, or null when the municipality has none.</summary>
    public async Task<Rulebook?> InForceAsync(string municipalityNumber, DateOnly date, CancellationToken cancellationToken)
    {
        var current = await IndexAsync(cancellationToken);
        if (!current.ByMunicipality.TryGetValue(municipalityNumber, out var versions))
        {
            return null;
        }

        var entry = versions.FirstOrDefault(v => v.ValidFrom <= date && (v.ValidTo is null || date <= v.ValidTo))
            ?? versions.Where(v => v.ValidTo is null).OrderByDescending(v => v.ValidFrom).FirstOrDefault();
        return entry is null ? null : await ParsedAsync(entry, cancellationToken);
    }

    /// <summary>Forgets the version list (after an activation on this node), so the change is seen at once here.</summary>
    public void Invalidate() => index = null;

    private async Task<Rulebook> ParsedAsync(VersionEntry entry, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue((entry.Id, entry.ValidTo), out var rulebook))
        {
            return rulebook;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var content = await db.RulebookVersions.AsNoTracking().Where(r => r.Id == entry.Id).Select(r => r.Content).SingleAsync(cancellationToken);
        var parsedRulebook = RulebookDocument.Parse(content).ToRulebook() with { ValidFrom = entry.ValidFrom, ValidTo = entry.ValidTo };
        return parsed.GetOrAdd((entry.Id, entry.ValidTo), parsedRulebook);
    }

    private async Task<VersionIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var current = index;
        if (current is not null && clock.GetUtcNow() - current.LoadedAt < IndexLifetime)
        {
            return current;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        var rows = await db.RulebookVersions.AsNoTracking()
            .Where(r => r.Status != RulebookStatus.Draft)
            .Select(r => new VersionEntry(r.Id, r.MunicipalityNumber, r.ValidFrom!.Value, r.ValidTo))
            .ToListAsync(cancellationToken);
        current = new VersionIndex(
            clock.GetUtcNow(),
            rows.GroupBy(r => r.MunicipalityNumber).ToDictionary(g => g.Key, g => (IReadOnlyList<VersionEntry>)g.OrderByDescending(v => v.ValidFrom).ToList()));
        index = current;
        return current;
    }

    private sealed record VersionEntry(Guid Id, string MunicipalityNumber, DateOnly ValidFrom, DateOnly? ValidTo);

    private sealed record VersionIndex(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, IReadOnlyList<VersionEntry>> ByMunicipality);
}
