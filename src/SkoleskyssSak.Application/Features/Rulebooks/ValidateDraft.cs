using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Checks a version (normally a draft) before it is activated; errors block activation.</summary>
public sealed record ValidateDraftQuery(string MunicipalityNumber, int Version) : IQuery<RulebookValidation?>;

public sealed record RulebookValidation(IReadOnlyList<Finding> Findings)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
}

/// <summary>Null when the municipality has no such version.</summary>
public sealed class ValidateDraftHandler(IApplicationDbContext db) : IQueryHandler<ValidateDraftQuery, RulebookValidation?>
{
    public async ValueTask<RulebookValidation?> Handle(ValidateDraftQuery query, CancellationToken cancellationToken)
    {
        var stored = await RulebookDrafts.FindAsync(db, query.MunicipalityNumber, query.Version, cancellationToken);
        return stored is null ? null : new RulebookValidation(RulebookCheck.Check(RulebookDocument.Parse(stored.Content)));
    }
}
