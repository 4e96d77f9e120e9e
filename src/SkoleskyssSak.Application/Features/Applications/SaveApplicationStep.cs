using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>Saves one step of a draft søknad (after every step: no lost work). Only the applicant, only a draft.</summary>
public sealed record SaveApplicationStepCommand(Guid CaseId, string ApplicantPseudonym, ApplicationStep Step);

public sealed class SaveApplicationStepHandler(IApplicationDbContext db, ApplicationValidator validator, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(SaveApplicationStepCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var application = await CaseAccess.ApplicationOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, tracking: true, cancellationToken);
        if (application is null || command.Step is null)
        {
            return new ApplicationResult.NotFound();
        }

        var @case = await db.Cases.SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        if (@case.State != CaseState.Draft)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("NotDraft"));
        }

        var errors = await validator.ValidateStepAsync(command.Step, @case.MunicipalityNumber, application.Content.Child?.SchoolId, cancellationToken);
        if (errors.Count > 0)
        {
            return new ApplicationResult.Invalid(errors);
        }

        application.Update(Apply(application.Content, command.Step), clock.GetUtcNow());
        audit.Record("ApplicationDraftSaved", CaseAccess.AuditObjectType, $"{command.CaseId}:{command.Step.GetType().Name}");
        return await ApplicationAccess.SaveOrConflictAsync(db, command.CaseId, cancellationToken);
    }

    /// <summary>The form with the step's part replaced (texts trimmed). The applicant's fødselsnummer comes from the sign-in and stays.</summary>
    internal static ApplicationForm Apply(ApplicationForm form, ApplicationStep step) => step switch
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
