using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Starts a new version: a draft numbered one above the highest version, with the active version's content.
/// A municipality has at most one draft: when one exists, that one is returned (<c>Created = false</c>).
/// </summary>
public sealed record CreateDraftCommand(string MunicipalityNumber) : ICommand<CommandResult<DraftCreated>>;

/// <param name="Version">The number of the draft.</param>
/// <param name="Created">False when a draft already existed (that one is returned).</param>
public sealed record DraftCreated(int Version, bool Created = true);

public sealed class CreateDraftHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<CreateDraftCommand, CommandResult<DraftCreated>>
{
    public async ValueTask<CommandResult<DraftCreated>> Handle(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        var versions = db.RulebookVersions.Where(r => r.MunicipalityNumber == command.MunicipalityNumber);
        var existing = await versions.Where(r => r.Status == RulebookStatus.Draft).OrderByDescending(r => r.Version).Select(r => (int?)r.Version).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } draftNumber)
        {
            return new DraftCreated(draftNumber, Created: false);
        }

        var active = await versions.AsNoTracking().Where(r => r.Status == RulebookStatus.Active).OrderByDescending(r => r.ValidFrom).FirstOrDefaultAsync(cancellationToken);
        if (active is null)
        {
            return new Failure.Refused(AdminTexts.Get("NoActiveVersion"));
        }

        var number = await versions.MaxAsync(r => r.Version, cancellationToken) + 1;
        var document = RulebookDocument.Parse(active.Content) with { Version = number, ValidTo = null };
        db.RulebookVersions.Add(RulebookVersion.CreateDraft(Guid.CreateVersion7(), command.MunicipalityNumber, number, document.ToJson(), clock.GetUtcNow()));
        audit.Record("RulebookDraftCreated", RulebookDrafts.AuditObjectType, $"{RulebookDrafts.Label(command.MunicipalityNumber, number)}:from:{RulebookDrafts.Label(command.MunicipalityNumber, active.Version)}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin made the same version number at the same moment (unique index): theirs stands.
            return new Failure.Conflict(AdminTexts.Get("Conflict"));
        }

        return new DraftCreated(number);
    }
}
