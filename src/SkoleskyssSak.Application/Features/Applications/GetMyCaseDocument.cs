using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>One document of a case, for a party of it; internal notes and other cases' documents are not found.</summary>
public sealed record GetMyCaseDocumentQuery(Guid CaseId, Guid DocumentId, string PartyPseudonym) : IQuery<MyDocumentFile?>, ICaseRead
{
    public string ReadAction => "DocumentRead";

    public string AuditObjectId => $"{CaseId}:{DocumentId}";
}

public sealed class GetMyCaseDocumentHandler(IApplicationDbContext db) : IQueryHandler<GetMyCaseDocumentQuery, MyDocumentFile?>
{
    public async ValueTask<MyDocumentFile?> Handle(GetMyCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return null;
        }

        // fvl. §§ 18–19: the parties see every document but the administration's internal notes.
        return await CaseDocumentFiles.FindAsync(db, db.Documents.Where(d => d.Kind != CaseDocumentKind.InternalNote), query.CaseId, query.DocumentId, cancellationToken);
    }
}
