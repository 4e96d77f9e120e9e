using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>Saves one step of a draft søknad (after every step: no lost work). Only the applicant, only a draft.</summary>
public sealed record SaveApplicationStepCommand(Guid CaseId, string ApplicantPseudonym, ApplicationStep Step) : ICommand<CommandResult>;

/// <summary>
/// The step's own validator (<see cref="ApplicationStepValidators"/>) within the case's municipality and against the
/// school chosen so far. Nothing is checked for a case that is not the caller's draft: the handler answers that.
/// </summary>
public sealed class SaveApplicationStepValidator : AbstractValidator<SaveApplicationStepCommand>
{
    public SaveApplicationStepValidator(IApplicationDbContext db, ApplicationStepValidators steps)
    {
        RuleFor(c => c.Step).CustomAsync(async (step, context, ct) =>
        {
            var command = context.InstanceToValidate;
            var application = await CaseAccess.ApplicationOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, tracking: false, ct);
            if (step is null || application is null)
            {
                return;
            }

            var @case = await db.Cases.AsNoTracking().Where(c => c.Id == command.CaseId).Select(c => new { c.State, c.MunicipalityNumber }).SingleAsync(ct);
            if (@case.State != CaseState.Draft)
            {
                return;
            }

            foreach (var failure in await steps.StepAsync(step, @case.MunicipalityNumber, application.Content.Child?.SchoolId, ct))
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class SaveApplicationStepHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<SaveApplicationStepCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(SaveApplicationStepCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.ApplicationOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, tracking: true, cancellationToken);
        if (application is null || command.Step is null)
        {
            return new Failure.NotFound();
        }

        var @case = await db.Cases.SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        if (@case.State != CaseState.Draft)
        {
            return new Failure.Refused(CaseTexts.Get("NotDraft"));
        }

        application.Update(Apply(application.Content, command.Step), clock.GetUtcNow());
        audit.Record("ApplicationDraftSaved", CaseAccess.AuditObjectType, $"{command.CaseId}:{command.Step.GetType().Name}");
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }

    /// <summary>The form with the step's part replaced (texts trimmed). The applicant's fødselsnummer comes from the sign-in and stays.</summary>
    private static ApplicationForm Apply(ApplicationForm form, ApplicationStep step) => step switch
    {
        ChildStep s => form with
        {
            Child = s.Child with { Name = s.Child.Name.Trim(), NationalIdentityNumber = s.Child.NationalIdentityNumber.Replace(" ", string.Empty, StringComparison.Ordinal).Trim() },
        },
        GuardiansStep s => form with { Guardians = s.Guardians.Select(g => Tidy(g, form)).ToList() },
        HomesStep s => form with { Homes = s.Homes.Select(h => h with { Address = h.Address.Trim(), PostalCode = h.PostalCode.Trim(), Place = h.Place.Trim() }).ToList() },
        RouteStep s => form with { Route = new ApplicationRoute(s.Route.DefinedSegmentIds ?? [], s.Route.Legs ?? []) },
        ReasonsStep s => form with
        {
            Reasons = new ApplicationReasons(
                string.IsNullOrWhiteSpace(s.Reasons.Text) ? null : s.Reasons.Text.Trim(),
                (s.Reasons.Factors ?? new Dictionary<SubjectiveFactor, string>())
                    .Where(f => !string.IsNullOrWhiteSpace(f.Value))
                    .ToDictionary(f => f.Key, f => f.Value.Trim())),
            Period = s.Period,
        },
        DeclarationStep s => form with { DeclarationAccepted = s.DeclarationAccepted },
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "Unknown step."),
    };

    private static ApplicationGuardian Tidy(ApplicationGuardian guardian, ApplicationForm form)
    {
        var nin = guardian.IsApplicant
            ? form.Guardians.FirstOrDefault(g => g.IsApplicant)?.NationalIdentityNumber
            : Blank(guardian.NationalIdentityNumber)?.Replace(" ", string.Empty, StringComparison.Ordinal);
        return guardian with { Name = guardian.Name.Trim(), Email = Blank(guardian.Email), Phone = Blank(guardian.Phone), NationalIdentityNumber = nin };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
