using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The original documents of a case forwarded to the member's body and a manifest, as a ZIP (audited).</summary>
/// <param name="KindName">Not used by the ZIP (its manifest names the kind as stored); kept so both exports take the same input.</param>
public sealed record ExportAppealBodyCaseFileZipQuery(Guid CaseId, string BodyCode, Func<CaseDocumentKind, string>? KindName = null)
    : IQuery<ExportedFile?>, ICaseRead, IAppealBodyCaseFileExport
{
    public string ReadAction => "CaseFileZipExported";
}

public sealed class ExportAppealBodyCaseFileZipHandler(IApplicationDbContext db, IPdfRenderer pdf, IPdfBundler bundler)
    : IQueryHandler<ExportAppealBodyCaseFileZipQuery, ExportedFile?>
{
    public async ValueTask<ExportedFile?> Handle(ExportAppealBodyCaseFileZipQuery query, CancellationToken cancellationToken) =>
        await new AppealBodyCaseFileExport(db, pdf, bundler).ZipAsync(query, cancellationToken);
}
