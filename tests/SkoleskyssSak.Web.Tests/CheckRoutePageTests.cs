using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>"Sjekk skolevegen" works as a plain HTML form (no JavaScript) and never answers bad input with a 500.</summary>
public sealed class CheckRoutePageTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string FormSelector = "form.route-form";

    [Fact]
    public async Task The_page_offers_the_municipalities_and_one_leg_to_describe()
    {
        var (response, page) = await app.NewClient().GetAsync("/sjekk-skolevegen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var municipalities = page.QuerySelectorAll("#Form_MunicipalityNumber option").Select(o => o.TextContent).ToList();
        Assert.Contains("Melhus", municipalities);
        Assert.Contains("Sunnfjord", municipalities);
        Assert.Single(page.QuerySelectorAll(".route-leg"));
        Assert.Contains("Går eleven langs vegen eller krysser den?", page.QuerySelector(".route-leg")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Melhus_route_is_answered_with_the_rule_row_quoted_and_the_guidance_note()
    {
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen");
        var (response, result) = await client.SubmitAsync(page, FormSelector, new Dictionary<string, string>
        {
            ["Form.MunicipalityNumber"] = "5028",
            ["Form.Grade"] = "3",
            ["Form.Legs[0].Kind"] = "along",
            ["Form.Legs[0].RoadCategory"] = "county",
            ["Form.Legs[0].SpeedLimit"] = "60",
            ["Form.Legs[0].PedestrianFacility"] = "none",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = result.QuerySelector("#result")!.TextContent;
        Assert.Contains("Vinterskyss kan vurderes", section, StringComparison.Ordinal);
        Assert.Contains("melhus/T1-08", section, StringComparison.Ordinal);
        Assert.Contains("ikke et vedtak", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legs_can_be_added_and_removed_without_JavaScript()
    {
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen");
        var (_, two) = await client.SubmitAsync(page, FormSelector, new Dictionary<string, string> { ["Form.MunicipalityNumber"] = "5028" }, "/sjekk-skolevegen?handler=AddLeg");
        Assert.Equal(2, two.QuerySelectorAll(".route-leg").Length);
        Assert.Equal("5028", two.QuerySelector("#Form_MunicipalityNumber option[selected]")!.GetAttribute("value"));

        var (_, one) = await client.SubmitAsync(two, FormSelector, new Dictionary<string, string>(), "/sjekk-skolevegen?handler=RemoveLeg&index=0");
        Assert.Single(one.QuerySelectorAll(".route-leg"));
    }

    [Fact]
    public async Task Missing_choices_are_listed_in_the_error_summary()
    {
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen");
        var (response, result) = await client.SubmitAsync(page, FormSelector, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = result.QuerySelector(".ds-error-summary")!.TextContent;
        Assert.Contains("Velg kommune.", summary, StringComparison.Ordinal);
        Assert.Contains("Velg trinn.", summary, StringComparison.Ordinal);
        Assert.Null(result.QuerySelector("#result"));
    }

    [Theory]
    [InlineData("Form.Legs[0].Kind", "flying")]
    [InlineData("Form.Legs[0].Aadt", "mange")]
    [InlineData("Form.Legs[0].SpeedLimit", "999")]
    [InlineData("Form.Legs[0].SpeedLimit", "fort")]
    [InlineData("Form.Grade", "11")]
    [InlineData("Form.DistanceKm", "langt")]
    [InlineData("Form.MunicipalityNumber", "0000")]
    [InlineData("Form.Legs[99].Kind", "along")]
    public async Task Malformed_input_gets_a_message_never_a_500(string field, string value)
    {
        var client = app.NewClient();
        var (_, page) = await client.GetAsync("/sjekk-skolevegen");
        var values = new Dictionary<string, string>
        {
            ["Form.MunicipalityNumber"] = "5028",
            ["Form.Grade"] = "3",
            ["Form.Legs[0].Kind"] = "along",
            ["Form.Legs[0].RoadCategory"] = "county",
            [field] = value,
        };
        var (response, result) = await client.SubmitAsync(page, FormSelector, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(result.QuerySelector(".ds-error-summary") is not null || result.QuerySelector("#result") is not null);
    }

    [Fact]
    public async Task A_Sunnfjord_link_preselects_the_municipality_in_Nynorsk()
    {
        var (_, page) = await app.NewClient().GetAsync("/sjekk-skolevegen?kommune=4647");
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("4647", page.QuerySelector("#Form_MunicipalityNumber option[selected]")!.GetAttribute("value"));
        Assert.Contains("Går eleven langs vegen, eller kryssar eleven vegen?", page.QuerySelector(".route-leg")!.TextContent, StringComparison.Ordinal);
    }
}
