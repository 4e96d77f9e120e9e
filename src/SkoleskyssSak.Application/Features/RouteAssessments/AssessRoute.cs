using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.RouteAssessments;

/// <summary>
/// Assess a route against the rulebook in force for the municipality on the date (DESIGN.md §5). Used by the
/// public API, "Sjekk skolevegen", the parent's application and the caseworker's objective assessment. Writes nothing;
/// input the validator refuses, or a municipality without a rulebook in force, comes back as <see cref="Failure.Invalid"/>.
/// </summary>
public sealed record AssessRouteQuery(string MunicipalityNumber, int Grade, DateOnly? Date, decimal? DistanceKm, IReadOnlyList<RouteLeg> Legs)
    : IQuery<CommandResult<AssessRouteResult>>;

public sealed record AssessRouteResult(
    AssessRouteQuery Query,
    DateOnly Date,
    Rulebook Rulebook,
    RouteAssessment Assessment,
    IReadOnlyList<string> LegExplanations,
    string Explanation,
    string Guidance,
    (DateOnly From, DateOnly To) WinterPeriod);

public sealed class AssessRouteValidator : AbstractValidator<AssessRouteQuery>
{
    public const int MaxLegs = 50;

    public AssessRouteValidator()
    {
        RuleFor(q => q.MunicipalityNumber).NotEmpty().Matches("^[0-9]{4}$").WithMessage("Kommunenummeret må ha fire siffer.");
        RuleFor(q => q.Grade).InclusiveBetween(1, 10).WithMessage("Trinn må være fra 1 til 10.");
        RuleFor(q => q.Date).Must(d => d is null || SupportedDates.Contains(d.Value)).WithMessage("Datoen må være fra 01.01.2000 til 31.12.2100.");
        RuleFor(q => q.DistanceKm).InclusiveBetween(0m, 200m).When(q => q.DistanceKm is not null).WithMessage("Avstanden må være mellom 0 og 200 km.");
        RuleFor(q => q.Legs).NotEmpty().WithMessage("Skolevegen må ha minst én strekning.")
            .Must(legs => legs is null || legs.Count <= MaxLegs).WithMessage($"Skolevegen kan ha høyst {MaxLegs} strekninger.");
        RuleForEach(q => q.Legs).SetValidator(new RouteLegValidator());
    }
}

public sealed class RouteLegValidator : AbstractValidator<RouteLeg>
{
    public RouteLegValidator()
    {
        RuleFor(l => l.SpeedLimit).InclusiveBetween(5, 130).When(l => l.SpeedLimit is not null).WithMessage("Fartsgrensen må være mellom 5 og 130 km/t.");
        RuleFor(l => l.Aadt).InclusiveBetween(0, 200_000).When(l => l.Aadt is not null).WithMessage("ÅDT må være mellom 0 og 200 000.");
        RuleFor(l => l.StopSightDistanceM).InclusiveBetween(0, 2_000).When(l => l.StopSightDistanceM is not null).WithMessage("Stoppsikt må være mellom 0 og 2000 meter.");
        RuleFor(l => l.RoadCategory).NotNull().When(l => l.Kind != LegKind.RailwayCrossing).WithMessage("Oppgi vegtype.");
        RuleFor(l => l.Secured).NotNull().When(l => l.Kind == LegKind.RailwayCrossing).WithMessage("Oppgi om planovergangen er sikret.");
    }
}

public sealed class AssessRouteHandler(RulebookProvider rulebooks, TimeProvider clock) : IQueryHandler<AssessRouteQuery, CommandResult<AssessRouteResult>>
{
    public async ValueTask<CommandResult<AssessRouteResult>> Handle(AssessRouteQuery query, CancellationToken cancellationToken)
    {
        var date = query.Date ?? NorwegianTime.Today(clock.GetUtcNow());
        var rulebook = await rulebooks.InForceAsync(query.MunicipalityNumber, date, cancellationToken);
        if (rulebook is null)
        {
            return Failure.Invalid.Field(nameof(AssessRouteQuery.MunicipalityNumber), $"Kommune {query.MunicipalityNumber} bruker ikke tjenesten, eller har ingen gjeldende retningslinje.");
        }

        var assessment = RuleEngine.Evaluate(rulebook, query.Grade, query.Legs, query.DistanceKm);
        var schoolYearStart = NorwegianTime.SchoolYearStart(date);
        return new AssessRouteResult(
            query,
            date,
            rulebook,
            assessment,
            assessment.Legs.Select(l => AssessmentExplainer.Leg(l, query.Grade, rulebook, schoolYearStart)).ToList(),
            AssessmentExplainer.Overall(assessment, query.Grade, rulebook, schoolYearStart),
            AssessmentExplainer.Guidance(rulebook.LanguageForm),
            rulebook.WinterPeriod.InSchoolYear(schoolYearStart));
    }
}
