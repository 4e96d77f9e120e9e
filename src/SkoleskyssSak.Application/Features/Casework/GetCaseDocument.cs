using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>A document of a case with its bytes, among the caseworker's municipality; the read is audited ("DocumentRead", "{case}:{document}") by the pipeline.</summary>
public sealed record GetCaseDocumentQuery(Guid CaseId, Guid DocumentId, string MunicipalityNumber) : IQuery<MyDocumentFile?>, ICaseRead
{
    public string ReadAction => "DocumentRead";

    public string AuditObjectId => $"{CaseId}:{DocumentId}";
}

public sealed class GetCaseDocumentHandler(IApplicationDbContext db) : IQueryHandler<GetCaseDocumentQuery, MyDocumentFile?>
{
    public async ValueTask<MyDocumentFile?> Handle(GetCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        var ofMunicipality = db.Documents.Join(db.Cases.Where(c => c.MunicipalityNumber == query.MunicipalityNumber), d => d.CaseId, c => c.Id, (d, _) => d);
        return await CaseDocumentFiles.FindAsync(db, ofMunicipality, query.CaseId, query.DocumentId, cancellationToken);
    }
}
