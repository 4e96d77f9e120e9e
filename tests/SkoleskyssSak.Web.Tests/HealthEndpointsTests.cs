using System.Net;
using System.Text.Json;

namespace SkoleskyssSak.Web.Tests;

public sealed class HealthEndpointsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Live_answers_200_without_touching_dependencies()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_answers_200_and_reports_database_migrations_and_pdf()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("migrations").GetProperty("status").GetString());
        Assert.True(checks.TryGetProperty("pdf", out _));
    }
}

/// <summary>Ready must fail when the database is unreachable: a load balancer then stops sending traffic.</summary>
public sealed class ReadinessWithoutDatabaseTests
{
    [Fact]
    public async Task Ready_answers_503_when_the_database_is_unreachable()
    {
        await using var app = AppFixture.WithUnreachableDatabase();
        var response = await app.NewClient().Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
