using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// A leg no row of the rulebook covers is not "no transport": "Sjekk skolevegen" says the route must be assessed
/// concretely by the municipality, not "Ikke skyss" (the refusal would rest on nothing).
/// </summary>
public sealed class ManualRouteCheckTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_route_with_a_leg_no_row_covers_is_for_the_municipality_to_assess_not_no_transport()
    {
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen");

        // Melhus' table has no row for national roads.
        var (response, result) = await client.SubmitAsync(page, "form.route-form", new Dictionary<string, string>
        {
            ["Form.MunicipalityNumber"] = "5028",
            ["Form.Grade"] = "5",
            ["Form.Legs[0].Kind"] = "along",
            ["Form.Legs[0].RoadCategory"] = "national",
            ["Form.Legs[0].SpeedLimit"] = "80",
            ["Form.Legs[0].PedestrianFacility"] = "none",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Må vurderes konkret av kommunen", result.QuerySelector("#result-heading")!.TextContent, StringComparison.Ordinal);
        var section = result.QuerySelector("#result")!.TextContent;
        Assert.DoesNotContain("Ikke skyss", section, StringComparison.Ordinal);
        Assert.DoesNotContain("ikke skyss", section, StringComparison.Ordinal);
    }
}
