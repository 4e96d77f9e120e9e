using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The original documents of a case forwarded to the member's body and a manifest, as a ZIP (audited).</summary>
public sealed record ExportAppealBodyCaseFileZipQuery(Guid CaseId, string BodyCode)
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
