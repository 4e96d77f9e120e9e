using Mediator;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Web.Hosting;

namespace SkoleskyssSak.Web.Api;

/// <summary>GET /api/v1/municipalities and their pre-assessed segments: public, no login, rate limited.</summary>
internal static class MunicipalityEndpoints
{
    public static void MapMunicipalities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/municipalities").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("Kommuner");
        group.MapGet("/", ListAsync)
            .WithName("ListMunicipalities")
            .WithSummary("Kommunene som bruker tjenesten, med retningslinjene som gjelder i dag")
            .Produces<IReadOnlyList<MunicipalityResponse>>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/{number}/defined-segments", SegmentsAsync)
            .WithName("ListDefinedSegments")
            .WithSummary("Forhåndsvurderte strekninger i kommunens gjeldende retningslinjer, eventuelt for én skole")
            .Produces<DefinedSegmentsResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> ListAsync(ISender sender, RulebookProvider rulebooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = NorwegianTime.Today(clock.GetUtcNow());
        var list = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        var result = new List<MunicipalityResponse>();
        foreach (var m in list)
        {
            var rulebook = await rulebooks.InForceAsync(m.Number, today, cancellationToken);
            result.Add(new MunicipalityResponse(
                m.Number,
                m.Name,
                m.County,
                m.LanguageForm,
                rulebook is null ? null : Describe(rulebook, rulebook.WinterPeriod.InSchoolYear(NorwegianTime.SchoolYearStart(today)))));
        }

        return Results.Json(result, ApiJson.Options);
    }

    private static async Task<IResult> SegmentsAsync(string number, string? school, ISender sender, CancellationToken cancellationToken)
    {
        if (number.Length != 4 || !number.All(char.IsAsciiDigit))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["number"] = ["Kommunenummeret må ha fire siffer."] });
        }

        var list = await sender.Send(new ListDefinedSegmentsQuery(number, school), cancellationToken);
        if (list is null)
        {
            return ApiProblems.NotFound($"Kommune {number} bruker ikke tjenesten.");
        }

        var segments = list.Segments.Select(s => new DefinedSegmentResponse(
            s.Id,
            s.School,
            s.Road,
            s.Description,
            s.Aadt,
            s.SpeedLimit,
            s.WalkableSideArea,
            s.Lighting,
            s.FootAndCyclePath,
            s.Crosswalk,
            s.Outcomes,
            Enumerable.Range(1, 10).Select(g => new GradeOutcomeResponse(g, s.OutcomeFor(g))).ToList(),
            s.Assessment)).ToList();
        return Results.Json(new DefinedSegmentsResponse(number, Describe(list.Rulebook, list.WinterPeriod), segments), ApiJson.Options);
    }

    private static RulebookSummaryResponse Describe(Rulebook rulebook, (DateOnly From, DateOnly To) winter) =>
        new(
            rulebook.VersionLabel,
            rulebook.Title,
            rulebook.Provenance,
            rulebook.ValidFrom,
            rulebook.GradeBands,
            rulebook.DecisionValidity,
            new PeriodResponse(winter.From, winter.To));
}
