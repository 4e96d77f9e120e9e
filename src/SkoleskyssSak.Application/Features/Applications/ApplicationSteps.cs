using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.People;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>One step of the søknad as the form posts it; saving a step replaces that part of the draft.</summary>
public abstract record ApplicationStep
{
    private protected ApplicationStep()
    {
    }
}

/// <summary>Step 1: the child.</summary>
public sealed record ChildStep(ApplicationChild Child) : ApplicationStep;

/// <summary>Step 1: the guardians (the applicant among them).</summary>
public sealed record GuardiansStep(IReadOnlyList<ApplicationGuardian> Guardians) : ApplicationStep;

/// <summary>Step 2: one or two homes.</summary>
public sealed record HomesStep(IReadOnlyList<ApplicationHome> Homes) : ApplicationStep;

/// <summary>Step 3: the route.</summary>
public sealed record RouteStep(ApplicationRoute Route) : ApplicationStep;

/// <summary>Step 4: the reasons and the period applied for.</summary>
public sealed record ReasonsStep(ApplicationReasons Reasons, TransportPeriod Period) : ApplicationStep;

/// <summary>Step 6: the declaration checkbox; it must be ticked to submit, not to save.</summary>
public sealed record DeclarationStep(bool DeclarationAccepted) : ApplicationStep;

public sealed class ChildStepValidator : AbstractValidator<ChildStep>
{
    /// <summary>Key of the case's kommunenummer in the validation context's root data (the school must be in it).</summary>
    public const string MunicipalityKey = "MunicipalityNumber";
    public const int MaxNameLength = 200;

    public ChildStepValidator(IApplicationDbContext db)
    {
        RuleFor(s => s.Child).NotNull().WithMessage(_ => CaseTexts.Get("ChildMissing"));
        When(s => s.Child is not null, () =>
        {
            RuleFor(s => s.Child.Name).NotEmpty().WithMessage(_ => CaseTexts.Get("ChildNameRequired"))
                .MaximumLength(MaxNameLength).WithMessage(_ => CaseTexts.Get("ChildNameTooLong"));
            RuleFor(s => s.Child.NationalIdentityNumber).Must(n => NationalIdentityNumber.TryParse(n, out _))
                .WithMessage(_ => CaseTexts.Get("ChildNinInvalid"));
            RuleFor(s => s.Child.Grade).InclusiveBetween(1, 10).WithMessage(_ => CaseTexts.Get("GradeRange"));
            RuleFor(s => s.Child.SchoolYearStart).InclusiveBetween(2000, 2100).WithMessage(_ => CaseTexts.Get("SchoolYearInvalid"));
            RuleFor(s => s.Child).CustomAsync(async (child, context, ct) =>
            {
                var school = await ApplicationSchools.FindAsync(db, child.SchoolId, context, ct);
                if (school is null)
                {
                    context.AddFailure("Child.SchoolId", CaseTexts.Get("SchoolNotInMunicipality"));
                }
                else if (child.Grade is >= 1 and <= 10 && (child.Grade < school.LowestGrade || child.Grade > school.HighestGrade))
                {
                    // The grade must be one the chosen school teaches (School.LowestGrade..HighestGrade).
                    context.AddFailure("Child.Grade", CaseTexts.FormatCurrent("GradeNotAtSchool", school.Name, school.LowestGrade, school.HighestGrade));
                }
            });
        });
    }
}

/// <summary>The chosen school, looked up within the case's municipality (the validation context's root data).</summary>
internal static class ApplicationSchools
{
    /// <summary>Key of the chosen school's id in the validation context's root data (the route step has no school of its own).</summary>
    public const string SchoolKey = "SchoolId";

    public static async Task<School?> FindAsync(IApplicationDbContext db, Guid schoolId, IValidationContext context, CancellationToken cancellationToken) =>
        context.RootContextData.TryGetValue(ChildStepValidator.MunicipalityKey, out var m) && m is string municipality
            ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId && s.MunicipalityNumber == municipality, cancellationToken)
            : null;
}

public sealed partial class GuardiansStepValidator : AbstractValidator<GuardiansStep>
{
    public const int MaxGuardians = 6;

    public GuardiansStepValidator()
    {
        RuleFor(s => s.Guardians).NotEmpty().WithMessage(_ => CaseTexts.Get("GuardiansRequired"))
            .Must(g => g is null || g.Count <= MaxGuardians).WithMessage(_ => CaseTexts.Get("TooManyGuardians"))
            .Must(g => g is null || g.Count == 0 || g.Any(x => x is { IsApplicant: true })).WithMessage(_ => CaseTexts.Get("ApplicantMissing"))
            .Must(g => g is null || g.Count(x => x is { IsApplicant: true }) <= 1).WithMessage(_ => CaseTexts.Get("ApplicantOnlyOnce"));
        RuleForEach(s => s.Guardians).NotNull().ChildRules(g =>
        {
            g.RuleFor(x => x.Name).NotEmpty().WithMessage(_ => CaseTexts.Get("GuardianNameRequired"))
                .MaximumLength(ChildStepValidator.MaxNameLength).WithMessage(_ => CaseTexts.Get("GuardianNameTooLong"));
            g.RuleFor(x => x.Email).Must(e => !string.IsNullOrWhiteSpace(e)).When(x => string.IsNullOrWhiteSpace(x.Phone))
                .WithMessage(_ => CaseTexts.Get("GuardianContactRequired"));
            g.RuleFor(x => x.Email).Must(IsEmail).When(x => !string.IsNullOrWhiteSpace(x.Email))
                .WithMessage(_ => CaseTexts.Get("GuardianEmailInvalid"));
            g.RuleFor(x => x.Phone).Must(IsPhone).When(x => !string.IsNullOrWhiteSpace(x.Phone))
                .WithMessage(_ => CaseTexts.Get("GuardianPhoneInvalid"));
            g.RuleFor(x => x.NationalIdentityNumber).Must(n => NationalIdentityNumber.TryParse(n, out _))
                .When(x => !string.IsNullOrWhiteSpace(x.NationalIdentityNumber))
                .WithMessage(_ => CaseTexts.Get("GuardianNinInvalid"));
        });
    }

    /// <summary>An address the outbox can deliver to (<see cref="EmailAddress"/>), not merely text with an @.</summary>
    public static bool IsEmail(string? value) => EmailAddress.IsValid(value);

    /// <summary>Eight digits (a Norwegian number), optionally with +47/0047, or an international number of 8–15 digits after "+".</summary>
    public static bool IsPhone(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return PhonePattern().IsMatch(compact);
    }

    [GeneratedRegex(@"^((\+47|0047)?[2-9][0-9]{7}|\+[1-9][0-9]{7,14})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();
}

public sealed class HomesStepValidator : AbstractValidator<HomesStep>
{
    public const int MaxHomes = 2;
    public const decimal MaxDistanceKm = 200m;

    public HomesStepValidator()
    {
        RuleFor(s => s.Homes).NotEmpty().WithMessage(_ => CaseTexts.Get("HomesRequired"))
            .Must(h => h is null || h.Count <= MaxHomes).WithMessage(_ => CaseTexts.Get("TooManyHomes"));
        RuleForEach(s => s.Homes).NotNull().ChildRules(h =>
        {
            h.RuleFor(x => x.Address).NotEmpty().WithMessage(_ => CaseTexts.Get("AddressRequired"))
                .MaximumLength(ChildStepValidator.MaxNameLength).WithMessage(_ => CaseTexts.Get("AddressTooLong"));
            h.RuleFor(x => x.PostalCode).Matches("^[0-9]{4}$").WithMessage(_ => CaseTexts.Get("PostalCodeInvalid"))
                .NotNull().WithMessage(_ => CaseTexts.Get("PostalCodeInvalid"));
            h.RuleFor(x => x.Place).NotEmpty().WithMessage(_ => CaseTexts.Get("PlaceRequired"))
                .MaximumLength(ChildStepValidator.MaxNameLength).WithMessage(_ => CaseTexts.Get("AddressTooLong"));
            h.RuleFor(x => x.WalkingDistanceKm).InclusiveBetween(0m, MaxDistanceKm).WithMessage(_ => CaseTexts.Get("DistanceRange"));
        });
    }
}

public sealed class RouteStepValidator : AbstractValidator<RouteStep>
{
    public const int MaxSegments = 50;

    public RouteStepValidator(IApplicationDbContext db, RulebookProvider rulebooks, TimeProvider clock)
    {
        RuleFor(s => s.Route).NotNull().WithMessage(_ => CaseTexts.Get("RouteRequired"));
        When(s => s.Route is not null, () =>
        {
            RuleFor(s => s.Route).Must(r => (r.DefinedSegmentIds?.Count ?? 0) + (r.Legs?.Count ?? 0) > 0)
                .WithMessage(_ => CaseTexts.Get("RouteRequired"));
            RuleFor(s => s.Route.DefinedSegmentIds).Must(ids => ids is null || ids.Count <= MaxSegments)
                .WithMessage(_ => CaseTexts.Get("TooManyLegs"));
            RuleForEach(s => s.Route.DefinedSegmentIds).Must(id => id is { Length: > 0 and <= 64 })
                .WithMessage(_ => CaseTexts.Get("SegmentIdInvalid"));
            RuleFor(s => s.Route.DefinedSegmentIds)
                .CustomAsync(async (ids, context, ct) => await CheckSegmentsAsync(db, rulebooks, clock, ids, context, ct))
                .When(s => s.Route.DefinedSegmentIds is { Count: > 0 and <= MaxSegments });
            RuleFor(s => s.Route.Legs).Must(legs => legs is null || legs.Count <= RouteAssessments.AssessRouteValidator.MaxLegs)
                .WithMessage(_ => CaseTexts.Get("TooManyLegs"));
            RuleForEach(s => s.Route.Legs).NotNull().SetValidator(new RouteAssessments.RouteLegValidator());
        });
    }

    /// <summary>
    /// Every pre-assessed segment must be one of the municipality's rulebook in force today and, once the school is
    /// chosen, one of that school's (DefinedSegment.School names the school). One message per segment.
    /// </summary>
    private static async Task CheckSegmentsAsync(IApplicationDbContext db, RulebookProvider rulebooks, TimeProvider clock, IReadOnlyList<string> ids, ValidationContext<RouteStep> context, CancellationToken cancellationToken)
    {
        var municipality = context.RootContextData.TryGetValue(ChildStepValidator.MunicipalityKey, out var m) ? m as string : null;
        var rulebook = municipality is null ? null : await rulebooks.InForceAsync(municipality, NorwegianTime.Today(clock.GetUtcNow()), cancellationToken);
        var school = context.RootContextData.TryGetValue(ApplicationSchools.SchoolKey, out var s) && s is Guid schoolId
            ? await ApplicationSchools.FindAsync(db, schoolId, context, cancellationToken)
            : null;
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            if (id is not { Length: > 0 and <= 64 })
            {
                continue; // SegmentIdInvalid already
            }

            var segment = rulebook?.DefinedSegments.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal));
            var field = $"Route.DefinedSegmentIds[{i}]";
            if (segment is null)
            {
                context.AddFailure(field, CaseTexts.FormatCurrent("SegmentUnknown", id));
            }
            else if (school is not null && !string.Equals(segment.School.Trim(), school.Name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                context.AddFailure(field, CaseTexts.FormatCurrent("SegmentOfOtherSchool", id, segment.School, school.Name));
            }
        }
    }
}

public sealed class ReasonsStepValidator : AbstractValidator<ReasonsStep>
{
    public const int MaxReasonLength = 4000;
    public const int MaxFactorLength = 2000;

    public ReasonsStepValidator()
    {
        RuleFor(s => s.Reasons).NotNull().WithMessage(_ => CaseTexts.Get("ReasonTooLong"));
        RuleFor(s => s.Reasons.Text).MaximumLength(MaxReasonLength).When(s => s.Reasons is not null)
            .WithMessage(_ => CaseTexts.Get("ReasonTooLong"));
        RuleFor(s => s.Reasons.Factors)
            .Must(f => f is null || f.Keys.All(Enum.IsDefined)).When(s => s.Reasons is not null)
            .WithMessage(_ => CaseTexts.Get("FactorUnknown"))
            .Must(f => f is null || f.Values.All(v => v is null || v.Length <= MaxFactorLength)).When(s => s.Reasons is not null)
            .WithMessage(_ => CaseTexts.Get("FactorTooLong"));
        RuleFor(s => s.Period).IsInEnum().WithMessage(_ => CaseTexts.Get("PeriodInvalid"));
    }
}
