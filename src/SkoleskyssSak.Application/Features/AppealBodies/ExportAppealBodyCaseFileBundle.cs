using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The whole case file of a case forwarded to the member's body as one PDF with a table of contents (audited).</summary>
/// <param name="KindName">The document kind as the reader's page names it (the web's texts); the enum name otherwise.</param>
public sealed record ExportAppealBodyCaseFileBundleQuery(Guid CaseId, string BodyCode, Func<CaseDocumentKind, string>? KindName = null)
    : IQuery<ExportedFile?>, ICaseRead, IAppealBodyCaseFileExport
{
    public string ReadAction => "CaseFileBundleExported";
}

public sealed class ExportAppealBodyCaseFileBundleHandler(IApplicationDbContext db, IPdfRenderer pdf, IPdfBundler bundler)
    : IQueryHandler<ExportAppealBodyCaseFileBundleQuery, ExportedFile?>
{
    public async ValueTask<ExportedFile?> Handle(ExportAppealBodyCaseFileBundleQuery query, CancellationToken cancellationToken) =>
        await new AppealBodyCaseFileExport(db, pdf, bundler).BundleAsync(query, query.KindName, cancellationToken);
}
