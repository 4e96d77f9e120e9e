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
        var group = app.MapGroup("/api/v1/municipalities").RequireRateLimiting(RateLimitPolicies.PublicApi);
        group.MapGet("/", ListAsync);
        group.MapGet("/{number}/defined-segments", SegmentsAsync);
    }

    private static async Task<IResult> ListAsync(ListMunicipalitiesHandler municipalities, RulebookProvider rulebooks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = NorwegianTime.Today(clock.GetUtcNow());
        var list = await municipalities.HandleAsync(new ListMunicipalitiesQuery(), cancellationToken);
        var result = new List<object>();
        foreach (var m in list)
        {
            var rulebook = await rulebooks.InForceAsync(m.Number, today, cancellationToken);
            result.Add(new
            {
                number = m.Number,
                name = m.Name,
                county = m.County,
                languageForm = Vocabulary.Name(m.LanguageForm),
                rulebook = rulebook is null ? null : Describe(rulebook, rulebook.WinterPeriod.InSchoolYear(NorwegianTime.SchoolYearStart(today))),
            });
        }

        return Results.Json(result, ApiJson.Options);
    }

    private static async Task<IResult> SegmentsAsync(string number, string? school, ListDefinedSegmentsHandler handler, CancellationToken cancellationToken)
    {
        if (number.Length != 4 || !number.All(char.IsAsciiDigit))
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["number"] = ["Kommunenummeret må ha fire siffer."] });
        }

        var list = await handler.HandleAsync(new ListDefinedSegmentsQuery(number, school), cancellationToken);
        if (list is null)
        {
            return ApiProblems.NotFound($"Kommune {number} bruker ikke tjenesten.");
        }

        var segments = list.Segments.Select(s => new
        {
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
            Outcomes = s.Outcomes.ToDictionary(o => o.Key, o => Vocabulary.Name(o.Value)),
            ByGrade = Enumerable.Range(1, 10).Select(g => new { Grade = g, Outcome = Vocabulary.Name(s.OutcomeFor(g)) }),
            s.Assessment,
        }).ToList();
        return Results.Json(new { municipalityNumber = number, rulebook = Describe(list.Rulebook, list.WinterPeriod), segments }, ApiJson.Options);
    }

    private static object Describe(Rulebook rulebook, (DateOnly From, DateOnly To) winter) =>
        new
        {
            version = rulebook.VersionLabel,
            title = rulebook.Title,
            provenance = Vocabulary.Name(rulebook.Provenance),
            validFrom = rulebook.ValidFrom,
            gradeBands = rulebook.GradeBands,
            decisionValidity = Vocabulary.Name(rulebook.DecisionValidity),
            winterPeriod = new PeriodResponse(winter.From, winter.To),
        };
}
