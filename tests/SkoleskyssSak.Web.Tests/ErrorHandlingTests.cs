using System.Net;
using System.Text.Json;

namespace SkoleskyssSak.Web.Tests;

/// <summary>Users get a Norwegian page, /api clients an RFC 7807 problem; never a stack trace outside Development.</summary>
public sealed class ErrorHandlingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_unknown_page_is_a_Norwegian_404_page()
    {
        var (response, page) = await app.NewClient().GetAsync("/denne-siden-finnes-ikke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Fant ikke siden", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("nb", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task An_unknown_api_resource_is_a_problem_document()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/api/v1/finnes-ikke", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused_with_a_page_not_a_crash()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "saksbehandler.melhus@demo.skoleskyss.no",
            ["Input.Password"] = "whatever-password",
        });
        var response = await app.NewClient().Http.PostAsync(new Uri("/innlogging/ansatt", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nb\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_protection_keys_are_stored_in_PostgreSQL()
    {
        await app.NewClient().GetAsync("/innlogging/ansatt"); // issues an antiforgery token, which needs a key
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
    }
}

/// <summary>
/// An unhandled error shows the Norwegian error page with a reference only. Here the database is gone: that is a 503
/// with Retry-After ("midlertidig utilgjengelig"), not a 500, since the same request works once it is back (issue 10).
/// </summary>
public sealed class UnhandledErrorTests
{
    [Fact]
    public async Task An_unreachable_database_shows_a_Norwegian_503_page_with_Retry_After_and_no_stack_trace()
    {
        await using var app = AppFixture.WithUnreachableDatabase();
        var (response, page) = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        Assert.Equal("Tjenesten er midlertidig utilgjengelig", page.QuerySelector("h1")!.TextContent.Trim());
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("referansen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_a_503_problem_with_Retry_After_for_the_api()
    {
        await using var app = AppFixture.WithUnreachableDatabase();
        var response = await app.NewClient().Http.GetAsync(new Uri("/api/v1/municipalities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("Npgsql", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
