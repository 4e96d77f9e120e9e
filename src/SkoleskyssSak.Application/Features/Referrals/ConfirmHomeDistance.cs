using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>
/// The caseworker confirms the walking distance of one home, with its source (Norgeskart, the municipality's map,
/// measured on site; free text) and date: stored, journaled as a note (N) and audited. A home already referred keeps its
/// distance.
/// </summary>
public sealed record ConfirmHomeDistanceCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int HomeIndex, decimal? DistanceKm, string? Source, DateOnly? MeasuredOn)
    : ICommand<CommandResult>;

public sealed class ConfirmHomeDistanceValidator : AbstractValidator<ConfirmHomeDistanceCommand>
{
    public ConfirmHomeDistanceValidator(TimeProvider clock)
    {
        // One message for every way the number can be wrong (WithMessage would only reach the last of chained rules).
        RuleFor(c => c.DistanceKm).Must(km => km is not null && km > 0m && km <= HomeDistance.MaxDistanceKm)
            .WithMessage(_ => ReferralTexts.Get("DistanceKmInvalid"));
        RuleFor(c => c.Source).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(_ => ReferralTexts.Get("DistanceSourceRequired"));
        RuleFor(c => c.Source).Must(s => s is null || s.Trim().Length <= HomeDistance.MaxSourceLength).WithMessage(_ => ReferralTexts.Get("DistanceSourceTooLong"));
        RuleFor(c => c.MeasuredOn).NotNull().WithMessage(_ => ReferralTexts.Get("DistanceDateInvalid"));
        RuleFor(c => c.MeasuredOn)
            .Must(on => on is not { } date || (NorwegianTime.Today(clock.GetUtcNow()) is var today && date <= today && date >= today.AddYears(-5)))
            .WithMessage(_ => ReferralTexts.Get("DistanceDateInvalid"));
        RuleFor(c => c.HomeIndex).GreaterThanOrEqualTo(0).WithMessage(_ => ReferralTexts.Get("HomeUnknown"));
    }
}

public sealed class ConfirmHomeDistanceHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<ConfirmHomeDistanceCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ConfirmHomeDistanceCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return new Failure.NotFound();
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        if (command.HomeIndex >= form.Homes.Count)
        {
            return Failure.Invalid.Field(nameof(command.HomeIndex), ReferralTexts.Get("HomeUnknown"));
        }

        if (!HomeDistanceRules.IsOpen(@case.State))
        {
            return new Failure.Refused(ReferralTexts.Get("ReferralCaseNotOpen"));
        }

        var km = command.DistanceKm!.Value;
        var source = command.Source!.Trim();
        var measuredOn = command.MeasuredOn!.Value;
        var distance = await db.HomeDistances.SingleOrDefaultAsync(d => d.CaseId == command.CaseId && d.HomeIndex == command.HomeIndex, cancellationToken);
        if (distance is null)
        {
            db.HomeDistances.Add(HomeDistance.Confirm(command.CaseId, command.HomeIndex, km, source, measuredOn, command.StaffUserId, now));
        }
        else if (distance.Reconfirm(km, source, measuredOn, command.StaffUserId, now) is not null)
        {
            return new Failure.Refused(ReferralTexts.Get("ReferralAlreadyReferred"));
        }

        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var year = form.Child!.SchoolYearStart;
        var publicTitle = ReferralTexts.Format("DistanceJournalPublicTitle", language, year, year + 1);
        var title = CaseJournal.Limit(ReferralTexts.Format("DistanceJournalTitle", language, command.HomeIndex + 1, ReferralTexts.Km(decimal.Round(km, 2), language), source, measuredOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        db.JournalEntries.Add(CaseJournal.Entry(command.CaseId, JournalEntryKind.Note, [publicTitle], title, form, today, now));
        audit.Record("HomeDistanceConfirmed", CaseAccess.AuditObjectType, command.CaseId.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }
}
