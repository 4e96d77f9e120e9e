using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>"Forhåndsvurderte strekninger": schools look up the municipality's pre-assessed segments.</summary>
public sealed class DefinedSegmentsPageTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sunnfjords_segments_are_listed_per_school_with_the_verdict_per_grade_band()
    {
        var (response, page) = await app.NewClient().GetAsync("/forhandsvurderte-strekninger?kommune=4647");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(25, page.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(12, page.QuerySelectorAll("main h2").Length);
        var bygstadFirst = page.QuerySelector("tbody tr")!;
        Assert.Equal("Bygstadvegen", bygstadFirst.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("Vinterskyss gjeld 15.10.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sande", 2)]
    [InlineData("E39", 4)]
    [InlineData("finst ikkje", 0)]
    public async Task The_list_can_be_searched_by_school_road_or_description(string search, int rows)
    {
        var (_, page) = await app.NewClient().GetAsync("/forhandsvurderte-strekninger?kommune=4647&sok=" + Uri.EscapeDataString(search));
        Assert.Equal(rows, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task A_municipality_without_segments_in_the_text_says_so()
    {
        var (_, page) = await app.NewClient().GetAsync("/forhandsvurderte-strekninger?kommune=5028");
        Assert.Contains("ingen forhåndsvurderte strekninger", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?kommune=9999")]
    [InlineData("?kommune=%3Cscript%3E&sok=%3Cb%3E")]
    [InlineData("?sok=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Odd_queries_show_the_page_without_a_list_never_a_500(string query)
    {
        var (response, page) = await app.NewClient().GetAsync("/forhandsvurderte-strekninger" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
    }
}
