using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Puts a draft in force from <see cref="ValidFrom"/> and retires the active version the day before, in one
/// transaction. Refused when the draft has errors (ValidateDraft), when the date is in the past or not after the
/// active version's start. Assessments dated before <see cref="ValidFrom"/> keep the old version: only new
/// assessments get the new answer.
/// </summary>
public sealed record ActivateDraftCommand(string MunicipalityNumber, int Version, DateOnly? ValidFrom);

public sealed class ActivateDraftValidator : AbstractValidator<ActivateDraftCommand>
{
    public ActivateDraftValidator()
    {
        RuleFor(c => c.ValidFrom).NotNull().WithMessage(_ => AdminTexts.Get("ValidFromRequired"));
    }
}

public sealed class ActivateDraftHandler(
    IApplicationDbContext db,
    IAuditTrail audit,
    IValidator<ActivateDraftCommand> validator,
    RulebookProvider rulebooks,
    TimeProvider clock)
{
    public async Task<RulebookCommandResult> HandleAsync(ActivateDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var draft = await RulebookAdmin.FindAsync(db, command.MunicipalityNumber, command.Version, cancellationToken);
        if (draft is null)
        {
            return new RulebookCommandResult.NotFound();
        }

        if (draft.Status != RulebookStatus.Draft)
        {
            return new RulebookCommandResult.Refused(AdminTexts.Format("OnlyDraftActivatable", RulebookAdmin.Label(command.MunicipalityNumber, command.Version)));
        }

        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return new RulebookCommandResult.Invalid(validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        var validFrom = command.ValidFrom!.Value;
        var now = clock.GetUtcNow();
        var active = await db.RulebookVersions
            .Where(r => r.MunicipalityNumber == command.MunicipalityNumber && r.Status == RulebookStatus.Active)
            .OrderByDescending(r => r.ValidFrom)
            .FirstOrDefaultAsync(cancellationToken);
        if (active?.ValidFrom is { } activeFrom && validFrom <= activeFrom)
        {
            return Invalid(AdminTexts.Format("ValidFromNotAfterActive", Date(activeFrom), RulebookAdmin.Label(active.MunicipalityNumber, active.Version)));
        }

        if (validFrom < NorwegianTime.Today(now))
        {
            return Invalid(AdminTexts.Get("ValidFromInPast"));
        }

        var document = RulebookDocument.Parse(draft.Content);
        var findings = RulebookCheck.Check(document);
        if (findings.Any(f => f.Severity == FindingSeverity.Error))
        {
            return new RulebookCommandResult.Refused(AdminTexts.Get("DraftHasErrors"), findings);
        }

        // The document carries its own number and start, as the seed files do.
        var edit = draft.Edit((document with { Version = draft.Version, ValidFrom = validFrom, ValidTo = null }).ToJson());
        var activation = edit.Succeeded ? draft.Activate(validFrom, now) : edit;
        var retirement = activation.Succeeded && active is not null ? active.Retire(validFrom) : activation;
        if (!retirement.Succeeded)
        {
            return new RulebookCommandResult.Refused(retirement.Reason!);
        }

        audit.Record("RulebookActivated", RulebookAdmin.AuditObjectType, $"{RulebookAdmin.Label(draft.MunicipalityNumber, draft.Version)}:from:{validFrom:yyyy-MM-dd}");
        if (active is not null)
        {
            audit.Record("RulebookRetired", RulebookAdmin.AuditObjectType, $"{RulebookAdmin.Label(active.MunicipalityNumber, active.Version)}:to:{active.ValidTo:yyyy-MM-dd}");
        }

        // Both versions and the audit records in one SaveChanges (one transaction). xmin on both rows: a second,
        // concurrent activation finds the draft or the retired version changed and gets a conflict.
        var result = await RulebookAdmin.SaveAsync(db, draft.Version, cancellationToken);
        if (result is RulebookCommandResult.Done)
        {
            rulebooks.Invalidate();
        }

        return result;
    }

    private static RulebookCommandResult.Invalid Invalid(string message) =>
        new(new Dictionary<string, string[]> { [nameof(ActivateDraftCommand.ValidFrom)] = [message] });

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
