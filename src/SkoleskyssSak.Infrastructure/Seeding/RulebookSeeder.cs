using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Seeding;

/// <summary>
/// Puts the published guidelines (RulebookSeeds) in force for every municipality that exists and has no version
/// with that number yet. Runs in every environment: the guidelines are real data. Never touches a version that
/// exists, so an admin's later versions and edits are kept.
/// </summary>
public sealed class RulebookSeeder(AppDbContext db, TimeProvider clock, ILogger<RulebookSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var municipalities = await db.Municipalities.Select(m => m.Number).ToListAsync(cancellationToken);
        var existing = await db.RulebookVersions.Select(r => new { r.MunicipalityNumber, r.Version }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var document in RulebookSeeds.All.Where(d => municipalities.Contains(d.MunicipalityNumber)))
        {
            if (existing.Any(e => e.MunicipalityNumber == document.MunicipalityNumber && e.Version == document.Version))
            {
                continue;
            }

            var version = RulebookVersion.CreateDraft(Guid.CreateVersion7(), document.MunicipalityNumber, document.Version, document.ToJson(), clock.GetUtcNow());
            if (!await db.RulebookVersions.AnyAsync(r => r.MunicipalityNumber == document.MunicipalityNumber && r.Status == RulebookStatus.Active, cancellationToken))
            {
                version.Activate(document.ValidFrom, clock.GetUtcNow());
            }

            db.RulebookVersions.Add(version);
            added++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Added {Count} published rulebook version(s)", added);
        }
    }
}
