using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>A document of a case with its bytes, among what was forwarded to the appeal body; the read is audited ("DocumentRead", "{case}:{document}") by the pipeline.</summary>
public sealed record GetAppealBodyCaseDocumentQuery(Guid CaseId, Guid DocumentId, string BodyCode) : IQuery<MyDocumentFile?>, ICaseRead
{
    public string ReadAction => "DocumentRead";

    public string AuditObjectId => $"{CaseId}:{DocumentId}";
}

public sealed class GetAppealBodyCaseDocumentHandler(IApplicationDbContext db) : IQueryHandler<GetAppealBodyCaseDocumentQuery, MyDocumentFile?>
{
    public async ValueTask<MyDocumentFile?> Handle(GetAppealBodyCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        var visible = db.Documents.Where(d => db.AppealForwardings.Any(f => f.CaseId == d.CaseId && f.BodyCode == query.BodyCode));
        return await CaseDocumentFiles.FindAsync(db, visible, query.CaseId, query.DocumentId, cancellationToken);
    }
}
