using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Auditing;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Referrals;
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

    DbSet<CaseApplication> Applications { get; }

    DbSet<CaseParty> CaseParties { get; }

    DbSet<CaseDocument> Documents { get; }

    DbSet<CaseDocumentContent> DocumentContents { get; }

    DbSet<InformationRequest> InformationRequests { get; }

    DbSet<Decision> Decisions { get; }

    DbSet<Appeal> Appeals { get; }

    DbSet<AppealForwarding> AppealForwardings { get; }

    DbSet<CaseAssessment> CaseAssessments { get; }

    DbSet<LetterTemplateText> LetterTemplateTexts { get; }

    /// <summary>The walking distance of each home as the caseworker confirmed it, and its referral to the county (issue 11).</summary>
    DbSet<HomeDistance> HomeDistances { get; }

    /// <summary>The county units that handle transport by distance, per county (issue 11).</summary>
    DbSet<CountyTransportUnit> CountyTransportUnits { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction, committed when it returns and rolled back when it
    /// throws. It starts from a clean unit of work (what was tracked before, saved or not, is let go), and on a transient
    /// failure the whole work runs again from a clean unit of work, so it must load what it changes itself.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
