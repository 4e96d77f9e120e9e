using Microsoft.AspNetCore.Mvc.Testing;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>One app with its own database per test class.</summary>
public sealed class AppFixture : SkoleskyssAppFactory
{
    /// <summary>An app whose database cannot be reached (nothing migrated or seeded).</summary>
    public static AppFixture WithUnreachableDatabase()
    {
        var app = new AppFixture();
        app.Settings["Database:MigrateAtStartup"] = "false";
        app.Settings["Seed:DemoData"] = "false";
        app.Settings["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2";
        return app;
    }

    /// <summary>A Production app with its own database and a complete production configuration, to be varied by the test.</summary>
    public static async Task<AppFixture> ProductionAsync()
    {
        var app = new AppFixture { EnvironmentName = "Production" };
        await app.InitializeAsync();
        app.Settings["IdPorten:Mode"] = "IdPorten";
        app.Settings["IdPorten:ClientId"] = "test-client";
        app.Settings["IdPorten:ClientSecret"] = "test-secret";
        app.Settings["Seed:DemoData"] = "false";
        return app;
    }

    public PageClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
