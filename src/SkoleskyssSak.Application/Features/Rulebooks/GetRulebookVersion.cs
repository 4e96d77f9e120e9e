using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>One version of a municipality's rulebook; without a version number, the active one.</summary>
public sealed record GetRulebookVersionQuery(string MunicipalityNumber, int? Version = null) : IQuery<RulebookVersionView?>;

/// <param name="Summary">Number, status and validity of the stored version.</param>
/// <param name="Document">The stored document (what the editor shows and changes).</param>
/// <param name="Rulebook">The document as the engine reads it, with the stored validity dates; null for a draft the engine cannot read (ValidateDraft says why).</param>
/// <param name="DraftVersion">The number of the municipality's draft, if it has one.</param>
public sealed record RulebookVersionView(RulebookVersionSummary Summary, RulebookDocument Document, Rulebook? Rulebook, int? DraftVersion);

/// <summary>Null when the municipality has no such version.</summary>
public sealed class GetRulebookVersionHandler(IApplicationDbContext db) : IQueryHandler<GetRulebookVersionQuery, RulebookVersionView?>
{
    public async ValueTask<RulebookVersionView?> Handle(GetRulebookVersionQuery query, CancellationToken cancellationToken)
    {
        var versions = db.RulebookVersions.AsNoTracking().Where(r => r.MunicipalityNumber == query.MunicipalityNumber);
        var stored = query.Version is { } number
            ? await versions.SingleOrDefaultAsync(r => r.Version == number, cancellationToken)
            : await versions.Where(r => r.Status == RulebookStatus.Active).OrderByDescending(r => r.ValidFrom).FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var draft = await versions.Where(r => r.Status == RulebookStatus.Draft).OrderByDescending(r => r.Version).Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken);
        var document = RulebookDocument.Parse(stored.Content);
        Rulebook? rulebook;
        try
        {
            rulebook = document.ToRulebook() with { ValidFrom = stored.ValidFrom ?? document.ValidFrom, ValidTo = stored.ValidTo };
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            rulebook = null;
        }

        return new RulebookVersionView(
            new RulebookVersionSummary(stored.MunicipalityNumber, stored.Version, stored.Status, stored.ValidFrom, stored.ValidTo, stored.CreatedAt, stored.ActivatedAt),
            document,
            rulebook,
            draft);
    }
}
