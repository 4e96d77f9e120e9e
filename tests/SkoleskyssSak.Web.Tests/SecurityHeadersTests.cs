namespace SkoleskyssSak.Web.Tests;

public sealed class SecurityHeadersTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/innlogging/ansatt")]
    [InlineData("/finnes-ikke")]
    [InlineData("/api/v1/finnes-ikke")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.NewClient().Http.GetAsync(new Uri(path, UriKind.Relative));
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var (_, page) = await app.NewClient().GetAsync("/");
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), "inline <script> would be blocked by the CSP"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Cookies_are_HttpOnly_and_SameSite()
    {
        var client = app.NewClient();
        var (response, _) = await client.GetAsync("/innlogging/ansatt");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", c, StringComparison.OrdinalIgnoreCase);
        });
    }
}
