using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>A guardian who is a party withdraws the søknad; the state machine refuses it once the case is decided.</summary>
public sealed record WithdrawApplicationCommand(Guid CaseId, string GuardianPseudonym) : ICommand<CommandResult<ApplicationWithdrawn>>;

/// <param name="State">The case's state after the withdrawal.</param>
public sealed record ApplicationWithdrawn(Guid CaseId, CaseState State);

public sealed class WithdrawApplicationHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<WithdrawApplicationCommand, CommandResult<ApplicationWithdrawn>>
{
    public async ValueTask<CommandResult<ApplicationWithdrawn>> Handle(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.GuardianPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        var now = clock.GetUtcNow();
        var result = @case.Apply(CaseTrigger.Withdraw, new CaseActor(command.GuardianPseudonym, CaseActorRole.Guardian), now);
        if (!result.Succeeded)
        {
            return new Failure.Refused(result.Reason!);
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(NorwegianTime.Today(now));
        var title = CaseJournal.Limit(CaseTexts.Format("WithdrawalTitle", language, year, year + 1, school ?? string.Empty, form.Child?.Name ?? string.Empty));
        string[] publicTitles =
        [
            CaseJournal.Limit(CaseTexts.Format("WithdrawalPublicTitle", language, year, year + 1, school ?? string.Empty)),
            CaseTexts.Format("WithdrawalPublicTitleShort", language, year, year + 1),
            @case.CaseNumber?.ToString() ?? year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ];
        db.JournalEntries.Add(CaseJournal.Entry(@case.Id, JournalEntryKind.Incoming, publicTitles, title, form, NorwegianTime.Today(now), now));
        audit.Record("ApplicationWithdrawn", CaseAccess.AuditObjectType, @case.Id.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new ApplicationWithdrawn(@case.Id, @case.State);
    }
}
