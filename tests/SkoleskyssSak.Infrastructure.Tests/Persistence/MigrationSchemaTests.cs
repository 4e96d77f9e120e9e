using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Tests.Support;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Persistence;

/// <summary>
/// The migrations up to the baseline were written by hand (ADR 0003, superseded by ADR 0005), and scaffolded ones
/// are edited: the schema a migration run produces must be exactly the schema EnsureCreated() derives from the
/// model. ModelSnapshotTests checks the snapshot.
/// </summary>
public class MigrationSchemaTests
{
    private const string PgDump = "/usr/lib/postgresql/15/bin/pg_dump";
    private const string HistoryTable = "__ef_migrations_history";

    [Fact]
    public async Task Migrated_schema_equals_the_schema_of_the_model()
    {
        var migrated = await PostgresServer.CreateDatabaseAsync("schema_migrated");
        var fromModel = await PostgresServer.CreateEmptyDatabaseAsync("schema_model");

        // The model as the app builds it (AddInfrastructure: Identity options included), not a bare context.
        await using (var services = InfrastructureServices.Build(fromModel))
        await using (var scope = services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.EnsureCreatedAsync());
        }

        var expected = Normalise(await DumpSchemaAsync(fromModel));
        var actual = Normalise(await DumpSchemaAsync(migrated));

        Assert.NotEmpty(expected);
        Assert.Contains(expected, line => line.StartsWith("CREATE TABLE public.municipalities", StringComparison.Ordinal));
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail("The migrations do not create the schema the model describes. Fix the migration (or add one).\n" + Diff(expected, actual));
        }
    }

    [Fact]
    public async Task Migrated_database_has_every_migration_applied()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("schema_pending");
        await using var db = PostgresServer.Context(connectionString);

        // A migration class without [DbContext] is silently ignored; make sure this one is actually found.
        Assert.Contains("20261121090000_Initial", db.Database.GetMigrations());
        Assert.Contains("20261121090000_Initial", await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var health = await new PendingMigrationsHealthCheck(db).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
    }

    [Fact]
    public async Task Empty_database_reports_the_pending_migration_as_unhealthy()
    {
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("schema_unmigrated");
        await using var db = PostgresServer.Context(connectionString);

        Assert.Contains("20261121090000_Initial", await db.Database.GetPendingMigrationsAsync());
        var health = await new PendingMigrationsHealthCheck(db).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, health.Status);
    }

    [Fact]
    public async Task Down_of_the_initial_migration_drops_everything_it_created()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("schema_down");
        await using (var db = PostgresServer.Context(connectionString))
        {
            Assert.NotEmpty(await TablesAsync(connectionString));
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
        }

        Assert.Equal([HistoryTable], await TablesAsync(connectionString));
        var leftovers = Normalise(await DumpSchemaAsync(connectionString));
        Assert.Empty(leftovers);
    }

    /// <summary>The dump, without comments, session settings and the history table (EF's, not the model's).</summary>
    internal static List<string> Normalise(string dump)
    {
        var statements = new List<List<string>>();
        var current = new List<string>();
        foreach (var raw in dump.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith('\\'))
            {
                continue; // blank, comment, or psql meta-command (\restrict with a random key since 15.14)
            }

            current.Add(line);
            if (line.EndsWith(';'))
            {
                statements.Add(current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            statements.Add(current);
        }

        return statements
            .Where(s => !s[0].StartsWith("SET ", StringComparison.Ordinal) && !s[0].StartsWith("SELECT pg_catalog.", StringComparison.Ordinal))
            .Where(s => !s.Any(line => line.Contains(HistoryTable, StringComparison.Ordinal)))
            .SelectMany(s => s)
            .ToList();
    }

    internal static async Task<string> DumpSchemaAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        return await Cli.RunAsync(
            PgDump,
            "--schema-only", "--no-owner", "--no-privileges",
            "--host", "127.0.0.1",
            "--port", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", "postgres",
            "--no-password",
            "--dbname", builder.Database!);
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>
    /// A line diff (longest common subsequence) with three lines of context: "-" only in the model's schema,
    /// "+" only in the migrated one.
    /// </summary>
    private static string Diff(List<string> expected, List<string> actual)
    {
        var lcs = new int[expected.Count + 1, actual.Count + 1];
        for (var i = expected.Count - 1; i >= 0; i--)
        {
            for (var j = actual.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int e = 0, a = 0;
        while (e < expected.Count || a < actual.Count)
        {
            if (e < expected.Count && a < actual.Count && expected[e] == actual[a])
            {
                lines.Add((' ', expected[e++]));
                a++;
            }
            else if (e < expected.Count && (a == actual.Count || lcs[e + 1, a] >= lcs[e, a + 1]))
            {
                lines.Add(('-', expected[e++]));
            }
            else
            {
                lines.Add(('+', actual[a++]));
            }
        }

        const int Context = 3;
        var changed = lines.Select((line, index) => (line, index)).Where(x => x.line.Mark != ' ').Select(x => x.index).ToList();
        var output = new StringBuilder("--- EnsureCreated (model)\n+++ Migrate (migrations)\n");
        var lastShown = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!changed.Any(c => Math.Abs(c - i) <= Context))
            {
                continue;
            }

            if (lastShown >= 0 && i > lastShown + 1)
            {
                output.Append("  ...\n");
            }

            output.Append(lines[i].Mark).Append(' ').Append(lines[i].Text).Append('\n');
            lastShown = i;
        }

        return output.ToString();
    }
}
