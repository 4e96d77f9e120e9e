using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>A case's document with its bytes, for whoever may see it: a party ("Mine saker"), the caseworker, the appeal body.</summary>
/// <param name="FileName">The stored name (what the download offers).</param>
public sealed record MyDocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>Reads one document of a case among those the caller may see (<c>visible</c>).</summary>
public static class CaseDocumentFiles
{
    /// <summary>The document with its bytes; null when it is not among <paramref name="visible"/> or not of the case. Writes nothing.</summary>
    public static Task<MyDocumentFile?> FindAsync(IApplicationDbContext db, IQueryable<CaseDocument> visible, Guid caseId, Guid documentId, CancellationToken cancellationToken) =>
        visible.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == caseId)
            .Join(db.DocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new MyDocumentFile(d.FileName, d.ContentType, c.Content))
            .SingleOrDefaultAsync(cancellationToken);
}
