using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// The draft as the letter will read (the same HTML that is printed to PDF); null when the case is not the caseworker's
/// municipality's or has no draft. A read of the case, audited once by the pipeline as "DecisionPreviewed".
/// </summary>
public sealed record PreviewDecisionQuery(Guid CaseId, string MunicipalityNumber) : IQuery<string?>, ICaseRead
{
    public string ReadAction => "DecisionPreviewed";
}

public sealed class PreviewDecisionHandler(IApplicationDbContext db, RulebookProvider rulebooks, ILetterRenderer letters, TimeProvider clock) : IQueryHandler<PreviewDecisionQuery, string?>
{
    public async ValueTask<string?> Handle(PreviewDecisionQuery query, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, query.CaseId, query.MunicipalityNumber, tracking: false, cancellationToken);
        if (context?.Draft is null)
        {
            return null;
        }

        return await letters.RenderHtmlAsync(DecisionLetters.Compose(context, context.Draft, DecisionLetters.Today(clock)), cancellationToken);
    }
}
