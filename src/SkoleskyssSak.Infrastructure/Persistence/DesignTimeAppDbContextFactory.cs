using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SkoleskyssSak.Infrastructure.Persistence;

/// <summary>
/// The context for EF Core's tools (<c>dotnet ef migrations add</c>, <c>has-pending-model-changes</c>), built
/// without starting the app: the same provider and history table as <see cref="DependencyInjection.AddInfrastructure"/>.
/// Adding a migration needs no database; a command that does uses <c>ConnectionStrings__Database</c>.
/// </summary>
public sealed class DesignTimeAppDbContextFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Database")
            ?? "Host=localhost;Database=skoleskysssak_design_time";
        return new AppDbContext(new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options);
    }
}
