using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Infrastructure.Persistence;

/// <summary>
/// At start-up: applies the migrations (EF Core takes a database lock, so several instances may start at
/// once), outside Production and only when Seed:DemoData is true loads the demo data, and puts the published
/// rulebooks in force for the municipalities that exist.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        // Refused before anything is touched: demo users with a published password must never exist in production.
        var seedDemoData = configuration.GetValue("Seed:DemoData", false);
        if (seedDemoData && environment.IsProduction())
        {
            throw new InvalidOperationException("Seed:DemoData is true in Production. Demo users with a published password must never exist in production.");
        }

        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            // Migrate first: asking for pending migrations before the history table exists logs a failed query.
            await db.Database.MigrateAsync(cancellationToken);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            logger.LogInformation("Database schema is at {Migration} ({Count} migrations applied)", applied.LastOrDefault(), applied.Count);
        }

        if (seedDemoData)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }

        // The published guidelines are real data; they come with the schema, in every environment.
        if (configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await scope.ServiceProvider.GetRequiredService<RulebookSeeder>().SeedAsync(cancellationToken);
        }
    }
}
