using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SkoleskyssSak.Infrastructure.LocalPostgres;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Testing;

/// <summary>
/// One private, throwaway PostgreSQL cluster per test process (fsync off), started on first use and
/// stopped and deleted when the process exits. Databases are created per test class from a migrated
/// template, which makes a fresh database cost a file copy instead of a migration run.
/// </summary>
public static class PostgresServer
{
    private const string TemplateDatabase = "skoleskyss_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static LocalPostgresCluster? cluster;
    private static int counter;

    public static async Task<LocalPostgresCluster> ClusterAsync()
    {
        if (cluster is not null)
        {
            return cluster;
        }

        await Gate.WaitAsync();
        try
        {
            if (cluster is not null)
            {
                return cluster;
            }

            var root = Path.Combine(Path.GetTempPath(), $"ssk-test-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
            var started = await LocalPostgresCluster.EnsureRunningAsync(
                new LocalPostgresOptions { RootDirectory = root, Ephemeral = true },
                NullLogger.Instance,
                CancellationToken.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAndDelete(started);
            await CreateMigratedTemplateAsync(started);
            cluster = started;
            return started;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await ClusterAsync();
        var name = $"t_{Sanitize(purpose)}_{Interlocked.Increment(ref counter)}_{Guid.NewGuid():N}"[..40];
        await server.CreateDatabaseIfMissingAsync(name, TemplateDatabase, CancellationToken.None);
        return server.ConnectionString(name);
    }

    /// <summary>A new database with nothing in it (for schema comparisons).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var server = await ClusterAsync();
        var name = $"e_{Sanitize(purpose)}_{Interlocked.Increment(ref counter)}_{Guid.NewGuid():N}"[..40];
        await server.CreateDatabaseIfMissingAsync(name, template: null, CancellationToken.None);
        return server.ConnectionString(name);
    }

    public static AppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history")).Options);

    private static async Task CreateMigratedTemplateAsync(LocalPostgresCluster server)
    {
        await server.CreateDatabaseIfMissingAsync(TemplateDatabase, template: null, CancellationToken.None);
        await using var db = Context(server.ConnectionString(TemplateDatabase));
        await db.Database.MigrateAsync();
        await db.Database.CloseConnectionAsync();
        Npgsql.NpgsqlConnection.ClearAllPools(); // a template must have no open connections when copied
    }

    /// <summary>4 to 12 lowercase ASCII letters and digits of the purpose (the rest is dropped, short ones padded).</summary>
    private static string Sanitize(string purpose)
    {
        var kept = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()).PadRight(4, 'x');
        return kept[..Math.Min(12, kept.Length)];
    }

    private static void StopAndDelete(LocalPostgresCluster server)
    {
        try
        {
            server.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
            Directory.Delete(server.RootDirectory, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Best effort at process exit; a leftover folder in /tmp is harmless.
        }
        catch (IOException)
        {
        }
    }
}
