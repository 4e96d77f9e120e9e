using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>One document of a case of the caseworker's municipality (internal notes included).</summary>
public sealed record GetCaseDocumentQuery(Guid CaseId, Guid DocumentId, string MunicipalityNumber);

public sealed class GetCaseDocumentHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyDocumentFile?> HandleAsync(GetCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ofMunicipality = db.Documents.Join(db.Cases.Where(c => c.MunicipalityNumber == query.MunicipalityNumber), d => d.CaseId, c => c.Id, (d, _) => d);
        return await CaseDocumentFiles.ReadAsync(db, audit, ofMunicipality, query.CaseId, query.DocumentId, cancellationToken);
    }
}
