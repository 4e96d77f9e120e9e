using FluentValidation;
using FluentValidation.Results;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// The step validators of the søknad (<see cref="ChildStepValidator"/> …), run for one step before it is saved
/// (<see cref="SaveApplicationStepValidator"/>) and for every step again before the søknad is submitted
/// (<see cref="SubmitApplicationValidator"/>), within the case's municipality and against the school chosen so far.
/// Failures keep the form's property path, e.g. <c>Guardians[0].Email</c>.
/// </summary>
public sealed record ApplicationStepValidators(
    IValidator<ChildStep> Child,
    IValidator<GuardiansStep> Guardians,
    IValidator<HomesStep> Homes,
    IValidator<RouteStep> Route,
    IValidator<ReasonsStep> Reasons)
{
    /// <param name="schoolId">The school chosen in the draft so far (the route step is checked against it).</param>
    public async Task<IReadOnlyList<ValidationFailure>> StepAsync(ApplicationStep step, string municipalityNumber, Guid? schoolId, CancellationToken cancellationToken) => step switch
    {
        ChildStep s => await RunAsync(Child, s, municipalityNumber, schoolId, cancellationToken),
        GuardiansStep s => await RunAsync(Guardians, s, municipalityNumber, schoolId, cancellationToken),
        HomesStep s => await RunAsync(Homes, s, municipalityNumber, schoolId, cancellationToken),
        RouteStep s => await RunAsync(Route, s, municipalityNumber, schoolId, cancellationToken),
        ReasonsStep s => await RunAsync(Reasons, s, municipalityNumber, schoolId, cancellationToken),
        DeclarationStep => [],
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.GetType().Name, "Unknown step."),
    };

    /// <summary>Every step again (the school's grades or the rulebook may have changed since the steps were saved), and the declaration ticked.</summary>
    public async Task<IReadOnlyList<ValidationFailure>> FormAsync(ApplicationForm form, string municipalityNumber, CancellationToken cancellationToken)
    {
        var schoolId = form.Child?.SchoolId;
        var failures = new List<ValidationFailure>();
        failures.AddRange(await RunAsync(Child, new ChildStep(form.Child!), municipalityNumber, schoolId, cancellationToken));
        failures.AddRange(await RunAsync(Guardians, new GuardiansStep(form.Guardians), municipalityNumber, schoolId, cancellationToken));
        failures.AddRange(await RunAsync(Homes, new HomesStep(form.Homes), municipalityNumber, schoolId, cancellationToken));
        failures.AddRange(await RunAsync(Route, new RouteStep(form.Route), municipalityNumber, schoolId, cancellationToken));
        failures.AddRange(await RunAsync(Reasons, new ReasonsStep(form.Reasons, form.Period), municipalityNumber, schoolId, cancellationToken));
        if (!form.DeclarationAccepted)
        {
            failures.Add(new ValidationFailure(nameof(ApplicationForm.DeclarationAccepted), CaseTexts.Get("DeclarationRequired")));
        }

        return failures;
    }

    private static async Task<IReadOnlyList<ValidationFailure>> RunAsync<T>(IValidator<T> validator, T instance, string municipalityNumber, Guid? schoolId, CancellationToken cancellationToken)
    {
        var context = new ValidationContext<T>(instance);
        context.RootContextData[ChildStepValidator.MunicipalityKey] = municipalityNumber;
        if (schoolId is { } school)
        {
            context.RootContextData[ApplicationSchools.SchoolKey] = school;
        }

        return (await validator.ValidateAsync(context, cancellationToken)).Errors;
    }
}
