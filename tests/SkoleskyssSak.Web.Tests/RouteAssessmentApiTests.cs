using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SkoleskyssSak.Web.Tests;

/// <summary>POST /api/v1/route-assessments: the public contract of DESIGN.md §5.</summary>
public sealed class RouteAssessmentApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body, string MediaType)> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await app.NewClient().Http.PostAsync(new Uri("/api/v1/route-assessments", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }

    [Fact]
    public async Task The_design_example_is_answered_with_rows_cited_and_the_winter_period()
    {
        // DESIGN.md §5's example request, Melhus, grade 3.
        var (status, body, _) = await PostAsync("""
            { "municipalityNumber": "5028", "grade": 3, "date": "2027-01-10", "distanceKm": 1.8,
              "legs": [
                { "kind": "along", "roadCategory": "county", "speedLimit": 60, "aadt": 1200,
                  "pedestrianFacility": "none", "walkableSideArea": "partial", "lighting": "none",
                  "roadworks": false, "stopSightDistanceM": 60, "roadFunction": "main", "doubleSidedObstacle": false },
                { "kind": "crossing", "roadCategory": "european", "speedLimit": 80, "aadt": 5200, "crossingFacility": "none" },
                { "kind": "railwayCrossing", "secured": false } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, status);

        // Tabell 1: row 8 (county 60–70 without sidewalk) gives 2.–4. trinn "Nei *"; row 5 (crossing E6 at grade)
        // and row 17 (unsecured level crossing) give "Ja": the most generous leg decides.
        Assert.Equal("yearRound", body.GetProperty("outcome").GetString());
        Assert.False(body.GetProperty("manualAssessmentRequired").GetBoolean());
        Assert.False(body.GetProperty("distanceEntitlement").GetBoolean());
        Assert.Equal("5028/v1", body.GetProperty("rulebook").GetProperty("version").GetString());
        Assert.Equal("2026-11-01", body.GetProperty("winterPeriod").GetProperty("from").GetString());
        Assert.Equal("2027-03-31", body.GetProperty("winterPeriod").GetProperty("to").GetString());

        var legs = body.GetProperty("legs").EnumerateArray().ToList();
        Assert.Equal(3, legs.Count);
        Assert.Equal("considerWinter", legs[0].GetProperty("outcome").GetString());
        Assert.Contains(legs[0].GetProperty("matchedRules").EnumerateArray(), r => r.GetProperty("id").GetString() == "melhus/T1-08");
        Assert.Contains("melhus/T1-08", legs[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Contains(legs[1].GetProperty("matchedRules").EnumerateArray(), r => r.GetProperty("id").GetString() == "melhus/T1-05");
        Assert.Contains(legs[2].GetProperty("matchedRules").EnumerateArray(), r => r.GetProperty("id").GetString() == "melhus/T1-17");
        Assert.Contains("ikke et vedtak", body.GetProperty("guidance").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "2.0", false)] // exactly 2 km in grade 1 is not more than 2 km
    [InlineData(1, "2.1", true)]
    [InlineData(2, "4.0", false)]
    [InlineData(2, "4.01", true)]
    [InlineData(10, "3.9", false)]
    public async Task Distance_entitlement_follows_opplaeringslova_4_1_first_paragraph(int grade, string km, bool entitled)
    {
        var (status, body, _) = await PostAsync($$"""
            { "municipalityNumber": "5028", "grade": {{grade}}, "distanceKm": {{km}},
              "legs": [ { "kind": "railwayCrossing", "secured": true } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(entitled, body.GetProperty("distanceEntitlement").GetBoolean());
    }

    [Fact]
    public async Task A_leg_no_row_covers_requires_manual_assessment()
    {
        // Melhus' table has no row for national roads.
        var (_, body, _) = await PostAsync("""
            { "municipalityNumber": "5028", "grade": 5, "legs": [ { "kind": "along", "roadCategory": "national", "speedLimit": 80, "pedestrianFacility": "none" } ] }
            """);
        Assert.True(body.GetProperty("manualAssessmentRequired").GetBoolean());
        Assert.True(body.GetProperty("legs")[0].GetProperty("manualAssessmentRequired").GetBoolean());
        Assert.Equal("none", body.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Sunnfjord_answers_in_Nynorsk_and_says_the_matrix_is_reconstructed()
    {
        var (status, body, _) = await PostAsync("""
            { "municipalityNumber": "4647", "grade": 2, "legs": [ { "kind": "along", "roadCategory": "county", "speedLimit": 80, "aadt": 1200, "pedestrianFacility": "none", "walkableSideArea": "none", "lighting": "none" } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, status);
        var rulebook = body.GetProperty("rulebook");
        Assert.Equal("reconstructed", rulebook.GetProperty("provenance").GetString());
        Assert.Contains("stadfestast", rulebook.GetProperty("provenanceNote").GetString(), StringComparison.Ordinal);
        Assert.Contains("ikkje eit vedtak", body.GetProperty("guidance").GetString(), StringComparison.Ordinal);
    }

    // One published row per municipality through the public contract (the tables themselves are pinned row by
    // row in Application.Tests/Features/Rulebooks).
    [Theory]
    [InlineData("1833", 1, """{ "kind": "crossing", "roadCategory": "european", "speedLimit": 80, "crossingFacility": "none" }""", "rana/T1-05", "yearRound")]
    [InlineData("1833", 3, """{ "kind": "along", "roadCategory": "municipal", "speedLimit": 60, "pedestrianFacility": "none" }""", "rana/T1-10", "considerWinter")]
    [InlineData("3105", 2, """{ "kind": "along", "roadCategory": "county", "speedLimit": 60, "aadt": 1001, "pedestrianFacility": "none", "walkableSideArea": "none" }""", "sarpsborg/60-1", "yearRound")]
    [InlineData("3105", 9, """{ "kind": "crossing", "roadCategory": "national", "speedLimit": 80, "aadt": 8001, "crossingFacility": "none" }""", "sarpsborg/70-5", "yearRound")]
    [InlineData("5028", 9, """{ "kind": "along", "roadCategory": "european", "speedLimit": 90, "pedestrianFacility": "none" }""", "melhus/T1-01", "yearRound")]
    [InlineData("4647", 8, """{ "kind": "along", "roadCategory": "municipal", "speedLimit": 40, "pedestrianFacility": "none" }""", "sunnfjord/UTANFOR-KOMMUNAL-UNDER-50", "none")]
    public async Task Each_municipality_answers_by_its_published_rows(string municipality, int grade, string leg, string ruleId, string outcome)
    {
        var (status, body, _) = await PostAsync($$"""{ "municipalityNumber": "{{municipality}}", "grade": {{grade}}, "legs": [ {{leg}} ] }""");
        Assert.Equal(HttpStatusCode.OK, status);
        var first = body.GetProperty("legs")[0];
        Assert.Equal(outcome, first.GetProperty("outcome").GetString());
        Assert.Contains(first.GetProperty("matchedRules").EnumerateArray(), r => r.GetProperty("id").GetString() == ruleId);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{ "municipalityNumber": "9999", "grade": 3, "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", "municipalityNumber" },
        { """{ "municipalityNumber": "5028", "grade": 11, "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", "grade" },
        { """{ "municipalityNumber": "5028", "grade": 0, "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", "grade" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "along", "roadCategory": "motorway", "speedLimit": 80 } ] }""", "legs[0].roadCategory" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "walking" } ] }""", "legs[0].kind" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "along", "roadCategory": "county", "pedestrianFacility": 2 } ] }""", "legs[0].pedestrianFacility" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "along", "roadCategory": "county", "speedLimit": 500 } ] }""", "legs[0].speedLimit" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [] }""", "legs" },
        { """{ "municipalityNumber": "5028", "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", "grade" },
        { """{ "municipalityNumber": "5028", "grade": "tre", "legs": [] }""", "grade" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "roadCategory": "county" } ] }""", "legs[0].kind" },
        { """{ "municipalityNumber": "5028", "grade": 3, "legs": [ { "kind": "railwayCrossing" } ] }""", "legs[0].secured" },
        { """{ "municipalityNumber": "5028", "grade": 3, "distanceKm": -1, "legs": [ { "kind": "railwayCrossing", "secured": true } ] }""", "distanceKm" },
        { """{ "municipalityNumber": "5028", "grade": 3, """, "body" },
        { """[]""", "body" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string json, string field)
    {
        var (status, body, mediaType) = await PostAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
    }

    [Fact]
    public async Task The_API_is_rate_limited_per_client()
    {
        await using var limited = new AppFixture();
        await limited.InitializeAsync();
        limited.Settings["RateLimiting:PublicApiPerMinute"] = "2";
        var client = limited.NewClient().Http;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync(new Uri("/api/v1/route-assessments", UriKind.Relative), new { municipalityNumber = "5028", grade = 3, legs = new[] { new { kind = "railwayCrossing", secured = true } } });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}

public sealed class MunicipalityApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(HttpStatusCode, JsonElement)> GetAsync(string path)
    {
        var response = await app.NewClient().Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Municipalities_are_listed_with_their_rulebook_in_force()
    {
        var (status, body) = await GetAsync("/api/v1/municipalities");
        Assert.Equal(HttpStatusCode.OK, status);
        var melhus = body.EnumerateArray().Single(m => m.GetProperty("number").GetString() == "5028");
        Assert.Equal("bokmal", melhus.GetProperty("languageForm").GetString());
        Assert.Equal("5028/v1", melhus.GetProperty("rulebook").GetProperty("version").GetString());
        var sunnfjord = body.EnumerateArray().Single(m => m.GetProperty("number").GetString() == "4647");
        Assert.Equal("nynorsk", sunnfjord.GetProperty("languageForm").GetString());
        Assert.Equal("reconstructed", sunnfjord.GetProperty("rulebook").GetProperty("provenance").GetString());
    }

    [Fact]
    public async Task Sunnfjords_pre_assessed_segments_have_per_grade_outcomes_and_can_be_filtered_by_school()
    {
        var (status, all) = await GetAsync("/api/v1/municipalities/4647/defined-segments");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(25, all.GetProperty("segments").GetArrayLength());
        Assert.Equal("reconstructed", all.GetProperty("rulebook").GetProperty("provenance").GetString());

        var (_, bygstad) = await GetAsync("/api/v1/municipalities/4647/defined-segments?school=Bygstad");
        var segments = bygstad.GetProperty("segments").EnumerateArray().ToList();
        Assert.NotEmpty(segments);
        Assert.All(segments, s => Assert.Equal("Bygstad skule", s.GetProperty("school").GetString()));
        Assert.All(segments, s => Assert.Equal(10, s.GetProperty("byGrade").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/v1/municipalities/9999/defined-segments", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/municipalities/abc/defined-segments", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_municipalities_are_problems(string path, HttpStatusCode expected)
    {
        var response = await app.NewClient().Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
