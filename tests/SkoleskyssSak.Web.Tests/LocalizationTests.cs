using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Bokmål by default; Nynorsk for a Nynorsk municipality (mållova § 6) and for anyone who picks it.</summary>
public sealed class LocalizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Front_page_is_Bokmal_by_default_and_explains_the_service()
    {
        var (response, page) = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Gratis skoleskyss når skoleveien er særlig farlig", page.QuerySelector("h1")!.TextContent.Trim());
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/sjekk-skolevegen", links);
        Assert.Contains("/soknad", links);
        Assert.Contains("/mine-saker", links);
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("header nav[aria-label]"));
        Assert.NotNull(page.QuerySelector("footer"));
    }

    [Fact]
    public async Task Front_page_lists_the_municipalities_from_the_database()
    {
        var (_, page) = await app.NewClient().GetAsync("/");
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var name in new[] { "Sunnfjord", "Melhus", "Rana", "Sarpsborg" })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_Nynorsk_municipality_gets_Nynorsk()
    {
        var (_, page) = await app.NewClient().GetAsync("/?kommune=4647");
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Gratis skuleskyss når skulevegen er særleg farleg", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_Bokmal_municipality_gets_Bokmal()
    {
        var (_, page) = await app.NewClient().GetAsync("/?kommune=5028");
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_choice_is_remembered_in_a_cookie()
    {
        var client = app.NewClient();
        var switched = await client.Http.GetAsync(new Uri("/sprak?til=nn&returnUrl=%2F", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
        var (_, page) = await client.GetAsync("/");
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_site()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/sprak?til=nn&returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}

public sealed class HtmlEncodingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Norwegian_letters_are_sent_as_letters_and_markup_is_still_encoded()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/innlogging/testid?returnUrl=%3Cscript%3E", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Fødselsnummer (11 siffer)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xF8;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }
}
