using System.Text.Json;
using Mediator;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Web.Hosting;

namespace SkoleskyssSak.Web.Api;

/// <summary>POST /api/v1/route-assessments: public, no login, rate limited.</summary>
internal static class RouteAssessmentEndpoints
{
    public static void MapRouteAssessments(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/route-assessments", AssessAsync)
            .RequireRateLimiting(RateLimitPolicies.PublicApi)
            .DisableAntiforgery()
            .WithName("AssessRoute")
            .WithTags("Skoleveg")
            .WithSummary("Vurder en skoleveg etter kommunens retningslinjer for særlig farlig eller vanskelig skoleveg")
            .WithDescription("Veiledende vurdering, ikke et vedtak (DESIGN.md §5). Ukjente verdier gir 400.")
            .Accepts<RouteAssessmentRequest>("application/json")
            .Produces<RouteAssessmentResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> AssessAsync(HttpRequest request, ISender sender, CancellationToken cancellationToken)
    {
        RouteAssessmentRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RouteAssessmentRequest>(request.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            // Unknown enum values, wrong types and broken JSON name the field they were found in.
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                [ApiJson.FieldFromJsonPath(ex.Path)] = ["Ugyldig eller ukjent verdi. Se gyldige verdier i API-beskrivelsen (DESIGN.md §5)."],
            });
        }

        var missing = Missing(body);
        if (missing.Count > 0)
        {
            return ApiProblems.Validation(missing);
        }

        var query = new AssessRouteQuery(
            body!.MunicipalityNumber!,
            body.Grade!.Value,
            body.Date,
            body.DistanceKm,
            body.Legs!.Select(l => new RouteLeg(
                l!.Kind!.Value, l.RoadCategory, l.SpeedLimit, l.Aadt, l.PedestrianFacility, l.WalkableSideArea, l.Lighting,
                l.Roadworks, l.StopSightDistanceM, l.RoadFunction, l.DoubleSidedObstacle, l.CrossingFacility, l.Secured)).ToList());

        var result = await sender.Send(query, cancellationToken);
        return result.IsOk
            ? Results.Json(ToResponse(result.Value), ApiJson.Options)
            : ApiProblems.From(result.Failure, "Kommunen finnes ikke.");
    }

    private static Dictionary<string, string[]> Missing(RouteAssessmentRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is null)
        {
            errors["body"] = ["Forespørselen mangler innhold."];
            return errors;
        }

        if (string.IsNullOrWhiteSpace(body.MunicipalityNumber))
        {
            errors["municipalityNumber"] = ["Oppgi kommunenummer."];
        }

        if (body.Grade is null)
        {
            errors["grade"] = ["Oppgi trinn (1–10)."];
        }

        if (body.Legs is null || body.Legs.Count == 0)
        {
            errors["legs"] = ["Skolevegen må ha minst én strekning."];
        }
        else
        {
            for (var i = 0; i < body.Legs.Count; i++)
            {
                if (body.Legs[i]?.Kind is null)
                {
                    errors[$"legs[{i}].kind"] = ["Oppgi kind: along, crossing eller railwayCrossing."];
                }
            }
        }

        return errors;
    }

    private static RouteAssessmentResponse ToResponse(AssessRouteResult result)
    {
        var rulebook = result.Rulebook;
        var assessment = result.Assessment;
        return new RouteAssessmentResponse(
            rulebook.MunicipalityNumber,
            result.Query.Grade,
            result.Date,
            assessment.Outcome,
            assessment.ManualAssessmentRequired,
            assessment.DistanceEntitlement,
            DistanceEntitlement.LimitKm(result.Query.Grade),
            new PeriodResponse(result.WinterPeriod.From, result.WinterPeriod.To),
            new RulebookResponse(
                rulebook.VersionLabel,
                rulebook.Title,
                rulebook.Provenance,
                rulebook.Provenance == RuleProvenance.Reconstructed ? AssessmentExplainer.ReconstructedNote(rulebook.LanguageForm) : null,
                rulebook.Source,
                rulebook.ValidFrom),
            assessment.Legs.Select((leg, i) => new LegResponse(
                i,
                leg.Outcome,
                leg.ManualAssessmentRequired,
                leg.MatchedRules.Select(r => new MatchedRuleResponse(r.Id, r.Text, r.OutcomeFor(result.Query.Grade))).ToList(),
                result.LegExplanations[i])).ToList(),
            result.Explanation,
            result.Guidance);
    }
}
