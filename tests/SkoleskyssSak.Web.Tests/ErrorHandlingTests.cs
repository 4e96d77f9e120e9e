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

/// <summary>An unhandled error (here: the database is gone) shows the Norwegian error page with a reference only.</summary>
public sealed class UnhandledErrorTests
{
    [Fact]
    public async Task An_unhandled_error_shows_a_Norwegian_page_without_stack_trace()
    {
        await using var app = AppFixture.WithUnreachableDatabase();
        var (response, page) = await app.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Noe gikk galt", page.QuerySelector("h1")!.TextContent.Trim());
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("referansen", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
