using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Auditing;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Abstractions;

/// <summary>The unit of work handlers read and write through; implemented by Infrastructure's DbContext.</summary>
public interface IApplicationDbContext
{
    DbSet<Municipality> Municipalities { get; }

    DbSet<School> Schools { get; }

    DbSet<AppealBody> AppealBodies { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<RulebookVersion> RulebookVersions { get; }

    DbSet<SchoolTransportCase> Cases { get; }

    DbSet<JournalEntry> JournalEntries { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
