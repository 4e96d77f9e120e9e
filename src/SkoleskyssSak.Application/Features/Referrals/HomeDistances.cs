using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>One home of the søknad as the caseworker sees it: the guardian's estimate, the confirmed distance, the referral.</summary>
/// <param name="HomeIndex">Its position in the søknad (0: the first home).</param>
/// <param name="Confirmed">Null until a caseworker has confirmed the distance.</param>
/// <param name="BeyondLimit">The confirmed distance is beyond the grade's limit (a referral is possible).</param>
public sealed record HomeDistanceView(int HomeIndex, string Address, decimal EstimatedKm, HomeDistance? Confirmed, bool BeyondLimit);

/// <param name="LimitKm">The grade's distance limit (opplæringslova § 4-1 first paragraph).</param>
/// <param name="CanChange">The case is open for the municipality's handling (confirm and refer).</param>
public sealed record CaseHomeDistances(Guid CaseId, int Grade, decimal LimitKm, CaseState State, bool CanChange, IReadOnlyList<HomeDistanceView> Homes);

/// <summary>The homes of a case of the caseworker's municipality, with their confirmed distances and referrals.</summary>
public sealed record GetHomeDistancesQuery(Guid CaseId, string MunicipalityNumber);

public sealed class GetHomeDistancesHandler(IApplicationDbContext db)
{
    public async Task<CaseHomeDistances?> HandleAsync(GetHomeDistancesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId && c.MunicipalityNumber == query.MunicipalityNumber, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return null;
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == query.CaseId, cancellationToken)).Content;
        if (form.Child is null)
        {
            return null;
        }

        var confirmed = await db.HomeDistances.AsNoTracking().Where(d => d.CaseId == query.CaseId).ToDictionaryAsync(d => d.HomeIndex, cancellationToken);
        var grade = form.Child.Grade;
        var homes = form.Homes.Select((h, i) =>
        {
            var distance = confirmed.GetValueOrDefault(i);
            return new HomeDistanceView(i, $"{h.Address}, {h.PostalCode} {h.Place}", h.WalkingDistanceKm, distance, distance?.IsBeyondLimit(grade) ?? false);
        }).ToList();
        return new CaseHomeDistances(@case.Id, grade, DistanceEntitlement.LimitKm(grade), @case.State, HomeDistanceRules.IsOpen(@case.State), homes);
    }
}

/// <summary>
/// The caseworker confirms the walking distance of one home, with its source (Norgeskart, the municipality's map,
/// measured on site; free text) and date: stored, journaled as a note (N) and audited. A home already referred keeps its
/// distance.
/// </summary>
public sealed record ConfirmHomeDistanceCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int HomeIndex, decimal? DistanceKm, string? Source, DateOnly? MeasuredOn);

public sealed class ConfirmHomeDistanceValidator : AbstractValidator<ConfirmHomeDistanceCommand>
{
    public ConfirmHomeDistanceValidator()
    {
        // One message for every way the number can be wrong (WithMessage would only reach the last of chained rules).
        RuleFor(c => c.DistanceKm).Must(km => km is not null && km > 0m && km <= HomeDistance.MaxDistanceKm)
            .WithMessage(_ => ReferralTexts.Get("DistanceKmInvalid"));
        RuleFor(c => c.Source).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage(_ => ReferralTexts.Get("DistanceSourceRequired"));
        RuleFor(c => c.Source).Must(s => s is null || s.Trim().Length <= HomeDistance.MaxSourceLength).WithMessage(_ => ReferralTexts.Get("DistanceSourceTooLong"));
        RuleFor(c => c.MeasuredOn).NotNull().WithMessage(_ => ReferralTexts.Get("DistanceDateInvalid"));
        RuleFor(c => c.HomeIndex).GreaterThanOrEqualTo(0).WithMessage(_ => ReferralTexts.Get("HomeUnknown"));
    }
}

public sealed class ConfirmHomeDistanceHandler(IApplicationDbContext db, IValidator<ConfirmHomeDistanceCommand> validator, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(ConfirmHomeDistanceCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = await validator.ValidateAsync(command, cancellationToken);
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        if (command.MeasuredOn is { } on && (on > today || on < today.AddYears(-5)))
        {
            errors[nameof(command.MeasuredOn)] = [ReferralTexts.Get("DistanceDateInvalid")];
        }

        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return new ApplicationResult.NotFound();
        }

        if (errors.Count > 0)
        {
            return new ApplicationResult.Invalid(errors);
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        if (command.HomeIndex >= form.Homes.Count)
        {
            return ApplicationResult.Invalid.Field(nameof(command.HomeIndex), ReferralTexts.Get("HomeUnknown"));
        }

        if (!HomeDistanceRules.IsOpen(@case.State))
        {
            return new ApplicationResult.Refused(ReferralTexts.Get("ReferralCaseNotOpen"));
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
            return new ApplicationResult.Refused(ReferralTexts.Get("ReferralAlreadyReferred"));
        }

        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var year = form.Child!.SchoolYearStart;
        var publicTitle = ReferralTexts.Format("DistanceJournalPublicTitle", language, year, year + 1);
        var title = CaseJournal.Limit(ReferralTexts.Format("DistanceJournalTitle", language, command.HomeIndex + 1, ReferralTexts.Km(decimal.Round(km, 2), language), source, measuredOn.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        db.JournalEntries.Add(CaseJournal.Entry(command.CaseId, JournalEntryKind.Note, [publicTitle], title, form, today, now));
        audit.Record("HomeDistanceConfirmed", CaseAccess.AuditObjectType, command.CaseId.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, command.CaseId, cancellationToken);
    }
}

/// <summary>When the municipality may confirm distances and refer: while the case is its own and not decided.</summary>
internal static class HomeDistanceRules
{
    public static bool IsOpen(CaseState state) => state is CaseState.Submitted or CaseState.InAssessment or CaseState.AwaitingInformation;

    /// <summary>A referral changes the case (the last home sends it to the county): only where the table lets it.</summary>
    public static bool MayRefer(CaseState state) => CaseTransitions.Find(state, CaseTrigger.ReferToCounty) is not null;
}
