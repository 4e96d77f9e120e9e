using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>How staff read a case file: the caseworker's page and the appeal body's read it the same way.</summary>
internal static class CaseFileReading
{
    /// <summary>
    /// The case among <paramref name="visible"/> (a municipality's cases, or those forwarded to an appeal body), with the
    /// søknad, documents, journal and events, and what <paramref name="role"/> may do now. The query that calls it audits the read (ICaseRead); this never writes.
    /// </summary>
    public static async Task<CaseFile?> ReadAsync(IApplicationDbContext db, IQueryable<SchoolTransportCase> visible, Guid caseId, CaseActorRole role, CancellationToken cancellationToken)
    {
        var @case = await visible.AsNoTracking().Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == caseId && c.State != CaseState.Draft, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == caseId, cancellationToken)).Content;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.AddedAt).ThenBy(d => d.FileName)
            .Select(d => new CaseFileDocument(d.Id, d.Kind, d.FileName, d.SizeBytes, d.Confidential, d.AddedBy, d.AddedAt))
            .ToListAsync(cancellationToken);
        var journal = await db.JournalEntries.AsNoTracking().Where(j => j.CaseId == caseId).OrderBy(j => j.RegisteredAt)
            .Select(j => new CaseFileJournalEntry(j.DocumentDate, j.Kind, j.Title, j.PublicTitle, j.Confidential, j.DocumentId))
            .ToListAsync(cancellationToken);

        return new CaseFile(
            @case.Id,
            @case.MunicipalityNumber,
            @case.CaseNumber,
            @case.State,
            school,
            form,
            CaseSubmission.SubmittedAt(@case),
            documents,
            journal,
            @case.Events.OrderBy(e => e.Sequence).Select(e => new CaseFileEvent(e.Sequence, e.OccurredAt, e.ActorId, e.ActorRole, e.Trigger, e.From, e.To, e.Reason)).ToList(),
            @case.PermittedTriggers(role));
    }
}

