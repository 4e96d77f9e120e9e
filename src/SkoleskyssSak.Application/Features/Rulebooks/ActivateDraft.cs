using System.Globalization;
using FluentValidation;
using Mediator;
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
public sealed record ActivateDraftCommand(string MunicipalityNumber, int Version, DateOnly? ValidFrom) : ICommand<CommandResult>;

/// <summary>A missing version or one that is no draft is not checked: the handler answers NotFound or Refused.</summary>
public sealed class ActivateDraftValidator : AbstractValidator<ActivateDraftCommand>
{
    public ActivateDraftValidator(IApplicationDbContext db)
    {
        WhenAsync(
            (c, context, ct) => RulebookDrafts.IsDraftAsync(db, c.MunicipalityNumber, c.Version, context, ct),
            () => RuleFor(c => c.ValidFrom).NotNull().WithMessage(_ => AdminTexts.Get("ValidFromRequired")));
    }
}

public sealed class ActivateDraftHandler(
    IApplicationDbContext db,
    IAuditTrail audit,
    RulebookProvider rulebooks,
    TimeProvider clock) : ICommandHandler<ActivateDraftCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ActivateDraftCommand command, CancellationToken cancellationToken)
    {
        var draft = await RulebookDrafts.FindAsync(db, command.MunicipalityNumber, command.Version, cancellationToken);
        if (draft is null)
        {
            return new Failure.NotFound();
        }

        if (draft.Status != RulebookStatus.Draft)
        {
            return new Failure.Refused(AdminTexts.Format("OnlyDraftActivatable", RulebookDrafts.Label(command.MunicipalityNumber, command.Version)));
        }

        if (command.ValidFrom is not { } validFrom)
        {
            // The draft was made a version meanwhile (the validator checks the date only on a draft).
            return Invalid(AdminTexts.Get("ValidFromRequired"));
        }

        var now = clock.GetUtcNow();
        var active = await db.RulebookVersions
            .Where(r => r.MunicipalityNumber == command.MunicipalityNumber && r.Status == RulebookStatus.Active)
            .OrderByDescending(r => r.ValidFrom)
            .FirstOrDefaultAsync(cancellationToken);
        if (active?.ValidFrom is { } activeFrom && validFrom <= activeFrom)
        {
            return Invalid(AdminTexts.Format("ValidFromNotAfterActive", Date(activeFrom), RulebookDrafts.Label(active.MunicipalityNumber, active.Version)));
        }

        if (validFrom < NorwegianTime.Today(now))
        {
            return Invalid(AdminTexts.Get("ValidFromInPast"));
        }

        var document = RulebookDocument.Parse(draft.Content);
        var findings = RulebookCheck.Check(document);
        if (findings.Any(f => f.Severity == FindingSeverity.Error))
        {
            return new Failure.Refused(AdminTexts.Get("DraftHasErrors"), findings);
        }

        // The document carries its own number and start, as the seed files do.
        var edit = draft.Edit((document with { Version = draft.Version, ValidFrom = validFrom, ValidTo = null }).ToJson());
        var activation = edit.Succeeded ? draft.Activate(validFrom, now) : edit;
        var retirement = activation.Succeeded && active is not null ? active.Retire(validFrom) : activation;
        if (!retirement.Succeeded)
        {
            return new Failure.Refused(retirement.Reason!);
        }

        audit.Record("RulebookActivated", RulebookDrafts.AuditObjectType, $"{RulebookDrafts.Label(draft.MunicipalityNumber, draft.Version)}:from:{validFrom:yyyy-MM-dd}");
        if (active is not null)
        {
            audit.Record("RulebookRetired", RulebookDrafts.AuditObjectType, $"{RulebookDrafts.Label(active.MunicipalityNumber, active.Version)}:to:{active.ValidTo:yyyy-MM-dd}");
        }

        // Both versions and the audit records in one SaveChanges (one transaction). xmin on both rows: a second,
        // concurrent activation finds the draft or the retired version changed and gets a conflict.
        if (await RulebookDrafts.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        rulebooks.Invalidate();
        return CommandResult.Ok;
    }

    private static Failure.Invalid Invalid(string message) => Failure.Invalid.Field(nameof(ActivateDraftCommand.ValidFrom), message);

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
