using System.Net;
using System.Text.Json;

namespace SkoleskyssSak.Web.Tests.Api;

/// <summary>
/// The OpenAPI document at /api/v1/openapi.json, fetched over HTTP. The route-assessment contract in it is checked
/// against DESIGN.md §5 ("Route assessment vocabulary (public contract)"); the expectations below are written from
/// that section, not from the code.
/// </summary>
public sealed class OpenApiDocumentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string DocumentPath = "/api/v1/openapi.json";

    // DESIGN.md §5: the lists of values.
    private static readonly string[] Kinds = ["along", "crossing", "railwayCrossing"];
    private static readonly string[] RoadCategories = ["european", "national", "county", "municipal", "private"];
    private static readonly string[] PedestrianFacilities = ["none", "sidewalk", "footAndCyclePath", "widenedShoulder"];
    private static readonly string[] Coverages = ["none", "partial", "full"];
    private static readonly string[] CrossingFacilities = ["none", "markedCrosswalk", "raisedCrosswalk", "signalised", "bridge", "underpass", "facilitatedPoint"];
    private static readonly string[] RoadFunctions = ["main", "collector"];
    private static readonly string[] Outcomes = ["yearRound", "winter", "considerWinter", "none"];

    private static async Task<(HttpResponseMessage Response, JsonElement Document)> FetchAsync(AppFixture from)
    {
        var response = await from.NewClient().Http.GetAsync(new Uri(DocumentPath, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_route_assessment_request_matches_DESIGN_section_5()
    {
        var (_, document) = await FetchAsync(app);
        var operation = document.GetProperty("paths").GetProperty("/api/v1/route-assessments").GetProperty("post");
        var requestBody = operation.GetProperty("requestBody");
        Assert.True(requestBody.GetProperty("required").GetBoolean());
        var request = Resolve(document, requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        // The request's fields: the example's top level. A route is a list of legs for a municipality and a grade;
        // the date and the distance may be left out ("optional fields may be left out").
        AssertFields(request, ["municipalityNumber", "grade", "date", "distanceKm", "legs"]);
        AssertRequired(request, ["municipalityNumber", "grade", "legs"]);
        AssertType(document, request, "municipalityNumber", "string");
        AssertType(document, request, "grade", "integer");
        AssertType(document, request, "date", "string");
        Assert.Equal("date", Property(document, request, "date").GetProperty("format").GetString());
        AssertType(document, request, "distanceKm", "number");
        AssertType(document, request, "legs", "array");

        // A leg: every field of the example's three legs; only kind is required.
        var leg = Resolve(document, Property(document, request, "legs").GetProperty("items"));
        AssertFields(leg, ["kind", "roadCategory", "speedLimit", "aadt", "pedestrianFacility", "walkableSideArea", "lighting", "roadworks",
            "stopSightDistanceM", "roadFunction", "doubleSidedObstacle", "crossingFacility", "secured"]);
        AssertRequired(leg, ["kind"]);
        AssertEnum(document, leg, "kind", Kinds);
        AssertEnum(document, leg, "roadCategory", RoadCategories);
        AssertEnum(document, leg, "pedestrianFacility", PedestrianFacilities);
        AssertEnum(document, leg, "walkableSideArea", Coverages);
        AssertEnum(document, leg, "lighting", Coverages);
        AssertEnum(document, leg, "crossingFacility", CrossingFacilities);
        AssertEnum(document, leg, "roadFunction", RoadFunctions);
        foreach (var number in new[] { "speedLimit", "aadt", "stopSightDistanceM" })
        {
            AssertType(document, leg, number, "integer");
        }

        foreach (var flag in new[] { "roadworks", "doubleSidedObstacle", "secured" })
        {
            AssertType(document, leg, flag, "boolean");
        }
    }

    [Fact]
    public async Task The_route_assessment_answer_matches_DESIGN_section_5()
    {
        var (_, document) = await FetchAsync(app);
        var responses = document.GetProperty("paths").GetProperty("/api/v1/route-assessments").GetProperty("post").GetProperty("responses");
        var answer = Resolve(document, responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

        // "The answer names the overall outcome …, manualAssessmentRequired …, distanceEntitlement …, the winter
        // period, the rulebook version, and for every leg its outcome, the rule rows it matched … and a Norwegian
        // explanation." The answer always carries them.
        AssertRequired(answer, ["outcome", "manualAssessmentRequired", "distanceEntitlement", "winterPeriod", "rulebook", "legs"], exactly: false);
        AssertEnum(document, answer, "outcome", Outcomes);
        AssertType(document, answer, "manualAssessmentRequired", "boolean");
        AssertType(document, answer, "distanceEntitlement", "boolean");
        var winter = Property(document, answer, "winterPeriod");
        AssertType(document, winter, "from", "string");
        AssertType(document, winter, "to", "string");
        var rulebook = Property(document, answer, "rulebook");
        AssertRequired(rulebook, ["version"], exactly: false);
        AssertType(document, rulebook, "version", "string");

        AssertType(document, answer, "legs", "array");
        var leg = Resolve(document, Property(document, answer, "legs").GetProperty("items"));
        AssertRequired(leg, ["outcome", "matchedRules", "explanation"], exactly: false);
        AssertEnum(document, leg, "outcome", Outcomes);
        AssertType(document, leg, "explanation", "string");
        AssertType(document, leg, "matchedRules", "array");
        var rule = Resolve(document, Property(document, leg, "matchedRules").GetProperty("items"));
        AssertRequired(rule, ["id"], exactly: false);
        AssertType(document, rule, "id", "string");
    }

    [Fact]
    public async Task Refusals_are_problem_details_and_only_the_public_api_is_described()
    {
        var (_, document) = await FetchAsync(app);
        var paths = document.GetProperty("paths");
        Assert.Equal(
            ["/api/v1/municipalities", "/api/v1/municipalities/{number}/defined-segments", "/api/v1/route-assessments"],
            paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var assess = paths.GetProperty("/api/v1/route-assessments").GetProperty("post").GetProperty("responses");
        AssertProblem(assess, "400");
        AssertProblem(assess, "429");
        var segments = paths.GetProperty("/api/v1/municipalities/{number}/defined-segments").GetProperty("get").GetProperty("responses");
        AssertProblem(segments, "400");
        AssertProblem(segments, "404");
        AssertProblem(segments, "429");
        AssertProblem(paths.GetProperty("/api/v1/municipalities").GetProperty("get").GetProperty("responses"), "429");

        // Every operation has a Norwegian summary and a 200 with a schema.
        foreach (var operation in paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject()))
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()));
            Assert.True(operation.Value.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        }
    }

    [Fact]
    public async Task The_document_is_served_anonymously_as_json_with_the_security_headers()
    {
        var (response, document) = await FetchAsync(app);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("v1", document.GetProperty("info").GetProperty("version").GetString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_is_served_in_production_too()
    {
        await using var production = await AppFixture.ProductionAsync();
        var (response, document) = await FetchAsync(production);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/route-assessments", out _));
    }

    private static void AssertProblem(JsonElement responses, string status)
    {
        Assert.True(responses.TryGetProperty(status, out var response), $"{status} is not described");
        Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not a problem details answer");
    }

    private static void AssertFields(JsonElement schema, string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

    private static void AssertRequired(JsonElement schema, string[] expected, bool exactly = true)
    {
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];
        if (exactly)
        {
            Assert.Equal(expected.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
        }
        else
        {
            Assert.All(expected, field => Assert.Contains(field, required));
        }
    }

    private static void AssertType(JsonElement document, JsonElement schema, string field, string type)
    {
        var types = Types(Property(document, schema, field));
        Assert.True(types.SetEquals([type]), $"{field}: expected {type}, the document says {string.Join(", ", types)}");
    }

    private static void AssertEnum(JsonElement document, JsonElement schema, string field, string[] values)
    {
        var property = Property(document, schema, field);
        Assert.True(Types(property).SetEquals(["string"]), $"{field} is not a string");
        var listed = property.GetProperty("enum").EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.GetString()!);
        Assert.Equal(values.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    private static JsonElement Property(JsonElement document, JsonElement schema, string field)
    {
        Assert.True(schema.GetProperty("properties").TryGetProperty(field, out var property), $"{field} is missing");
        return Resolve(document, property);
    }

    /// <summary>Follows "$ref" and a "oneOf" of one schema (besides "null") to the schema that describes the value.</summary>
    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(document, document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            return Resolve(document, Assert.Single(oneOf.EnumerateArray(), s => !IsNullOnly(s)));
        }

        return schema;
    }

    private static bool IsNullOnly(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    /// <summary>The JSON types a schema allows, "null" aside (an optional field may be null or left out).</summary>
    private static HashSet<string> Types(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToHashSet() : [type.GetString()!];
        types.Remove("null");
        return types;
    }
}
