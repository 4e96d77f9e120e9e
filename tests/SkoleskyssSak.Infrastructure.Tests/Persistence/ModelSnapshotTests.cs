using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Persistence;

/// <summary>
/// Issue 13 (ADR 0005): migrations are added with EF Core's tooling from a model snapshot. This is the CI check that
/// the model has no change without a migration (the in-process form of
/// <c>dotnet ef migrations has-pending-model-changes</c>), and that databases migrated before the baseline keep working.
/// </summary>
public class ModelSnapshotTests
{
    private const string LastHandWritten = "20261208109000_SignInSessionProviderSession";
    private const string Baseline = "20261209100000_Baseline";

    [Fact]
    public async Task The_model_has_no_change_that_the_snapshot_lacks()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("snapshot");
        await using var db = PostgresServer.Context(connectionString);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model differs from AppDbContextModelSnapshot. Add a migration: dotnet ef migrations add <Name> (docs/operations.md).");
    }

    [Fact]
    public async Task A_database_migrated_by_the_hand_written_migrations_applies_the_baseline_as_a_no_op()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("baseline");
        await using (var db = PostgresServer.Context(connectionString))
        {
            await db.GetService<IMigrator>().MigrateAsync(LastHandWritten);
            Assert.Equal([Baseline], await db.Database.GetPendingMigrationsAsync());
        }

        var before = MigrationSchemaTests.Normalise(await MigrationSchemaTests.DumpSchemaAsync(connectionString));

        await using (var db = PostgresServer.Context(connectionString))
        {
            await db.Database.MigrateAsync(); // throws PendingModelChangesWarning if the snapshot were out of date
            Assert.Contains(Baseline, await db.Database.GetAppliedMigrationsAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var after = MigrationSchemaTests.Normalise(await MigrationSchemaTests.DumpSchemaAsync(connectionString));
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }
}
