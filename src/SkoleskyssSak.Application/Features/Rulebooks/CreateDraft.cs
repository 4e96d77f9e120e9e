using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Starts a new version: a draft numbered one above the highest version, with the active version's content.
/// A municipality has at most one draft: when one exists, that one is returned (<c>Created = false</c>).
/// </summary>
public sealed record CreateDraftCommand(string MunicipalityNumber);

public sealed class CreateDraftHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<RulebookCommandResult> HandleAsync(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var versions = db.RulebookVersions.Where(r => r.MunicipalityNumber == command.MunicipalityNumber);
        var existing = await versions.Where(r => r.Status == RulebookStatus.Draft).OrderByDescending(r => r.Version).Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } draftNumber)
        {
            return new RulebookCommandResult.Done(draftNumber, Created: false);
        }

        var active = await versions.AsNoTracking().Where(r => r.Status == RulebookStatus.Active).OrderByDescending(r => r.ValidFrom).FirstOrDefaultAsync(cancellationToken);
        if (active is null)
        {
            return new RulebookCommandResult.Refused(AdminTexts.Get("NoActiveVersion"));
        }

        var number = await versions.MaxAsync(r => r.Version, cancellationToken) + 1;
        var document = RulebookDocument.Parse(active.Content) with { Version = number, ValidTo = null };
        db.RulebookVersions.Add(RulebookVersion.CreateDraft(Guid.CreateVersion7(), command.MunicipalityNumber, number, document.ToJson(), clock.GetUtcNow()));
        audit.Record("RulebookDraftCreated", RulebookAdmin.AuditObjectType, $"{RulebookAdmin.Label(command.MunicipalityNumber, number)}:from:{RulebookAdmin.Label(command.MunicipalityNumber, active.Version)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin made the same version number at the same moment (unique index): theirs stands.
            return new RulebookCommandResult.Conflict(AdminTexts.Get("Conflict"));
        }

        return new RulebookCommandResult.Done(number);
    }
}
