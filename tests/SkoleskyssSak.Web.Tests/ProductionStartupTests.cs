namespace SkoleskyssSak.Web.Tests;

/// <summary>In Production the app never provisions, never seeds demo users and never offers TestID.</summary>
public sealed class ProductionStartupTests
{
    private static async Task<Exception> StartProductionAsync(Action<AppFixture> configure)
    {
        await using var app = await AppFixture.ProductionAsync();
        configure(app);
        return await Record.ExceptionAsync(() => Task.FromResult(app.CreateClient()));
    }

    [Fact]
    public async Task A_missing_connection_string_stops_the_start_with_a_clear_message()
    {
        var error = await StartProductionAsync(app => app.Settings["ConnectionStrings:Database"] = "");
        Assert.NotNull(error);
        Assert.Contains("ConnectionStrings:Database is not configured", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestID_is_refused_in_production()
    {
        var error = await StartProductionAsync(app => app.Settings["IdPorten:Mode"] = "TestId");
        Assert.NotNull(error);
        Assert.Contains("TestID", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_data_is_refused_in_production()
    {
        var error = await StartProductionAsync(app => app.Settings["Seed:DemoData"] = "true");
        Assert.NotNull(error);
        Assert.Contains("Seed:DemoData is true in Production", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_ID_porten_client_is_refused_in_production()
    {
        var error = await StartProductionAsync(app => app.Settings["IdPorten:ClientId"] = "");
        Assert.NotNull(error);
        Assert.Contains("IdPorten:ClientId", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_SMTP_settings_are_refused_so_notifications_are_never_silently_lost()
    {
        var error = await StartProductionAsync(app => app.Settings["Email:PickupDirectory"] = "");
        Assert.NotNull(error);
        Assert.Contains("Email:SmtpHost is not configured", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SMTP_without_the_service_address_is_refused_so_e_mails_never_carry_a_wrong_link()
    {
        var error = await StartProductionAsync(app =>
        {
            app.Settings["Email:PickupDirectory"] = "";
            app.Settings["Email:SmtpHost"] = "smtp.example.no";
        });
        Assert.NotNull(error);
        Assert.Contains("Email:ServiceUrl is not configured", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_pseudonym_key_is_refused()
    {
        var error = await StartProductionAsync(app => app.Settings["Security:CitizenPseudonym:Key"] = "short");
        Assert.NotNull(error);
        Assert.Contains("Security:CitizenPseudonym:Key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correctly_configured_production_app_starts_and_uses_HSTS()
    {
        await using var app = await AppFixture.ProductionAsync();
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://skoleskyss.kommune.example"), AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }
}
