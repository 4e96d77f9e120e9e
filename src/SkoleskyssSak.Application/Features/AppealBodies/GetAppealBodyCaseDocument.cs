using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>One document of a case forwarded to the member's body (the whole file: the body reads everything, fvl. § 33).</summary>
public sealed record GetAppealBodyCaseDocumentQuery(Guid CaseId, Guid DocumentId, string BodyCode);

public sealed class GetAppealBodyCaseDocumentHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyDocumentFile?> HandleAsync(GetAppealBodyCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = db.Documents.Where(d => db.AppealForwardings.Any(f => f.CaseId == d.CaseId && f.BodyCode == query.BodyCode));
        return await CaseDocumentFiles.ReadAsync(db, audit, visible, query.CaseId, query.DocumentId, cancellationToken);
    }
}
