using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>A guardian who is a party withdraws the søknad; the state machine refuses it once the case is decided.</summary>
public sealed record WithdrawApplicationCommand(Guid CaseId, string GuardianPseudonym);

public sealed class WithdrawApplicationHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(WithdrawApplicationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.GuardianPseudonym, cancellationToken))
        {
            return new ApplicationResult.NotFound();
        }

        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        var now = clock.GetUtcNow();
        var result = @case.Apply(CaseTrigger.Withdraw, new CaseActor(command.GuardianPseudonym, CaseActorRole.Guardian), now);
        if (!result.Succeeded)
        {
            return new ApplicationResult.Refused(result.Reason!);
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
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApplicationResult.Withdrawn(@case.Id, @case.State);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ApplicationResult.Conflict(CaseTexts.Get("Conflict"));
        }
    }
}
