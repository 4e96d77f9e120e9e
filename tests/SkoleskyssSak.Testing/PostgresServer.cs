using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SkoleskyssSak.LocalPostgres;
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

            DeleteLeftovers();
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
        return server.AppConnectionString(name);
    }

    /// <summary>A new database with nothing in it (for schema comparisons).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync(string purpose)
    {
        var server = await ClusterAsync();
        var name = $"e_{Sanitize(purpose)}_{Interlocked.Increment(ref counter)}_{Guid.NewGuid():N}"[..40];
        await server.CreateDatabaseIfMissingAsync(name, template: null, CancellationToken.None);
        return server.AppConnectionString(name);
    }

    public static AppDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__ef_migrations_history")).Options);

    private static async Task CreateMigratedTemplateAsync(LocalPostgresCluster server)
    {
        await server.CreateDatabaseIfMissingAsync(TemplateDatabase, template: null, CancellationToken.None);
        // Migrated by the app's role, as in production: every table belongs to it, and so in every copy.
        await using var db = Context(server.AppConnectionString(TemplateDatabase));
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

    /// <summary>
    /// The test host is killed a moment after the run ends, before pg_ctl stop returns (measured: every
    /// run left its ~90 MB folder behind in /tmp), so a detached shell in a session of its own does the
    /// work: a fast shutdown (SIGINT to the postmaster), then the folder is deleted.
    /// </summary>
    private static void StopAndDelete(LocalPostgresCluster server)
    {
        const string Script = """
            exec </dev/null >/dev/null 2>&1
            pid=$(head -n 1 "$1/data/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ]; then
              kill -INT "$pid"
              while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
            fi
            rm -rf "$1"
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in (string[])["sh", "-c", Script, "ssk-test-cleanup", server.RootDirectory])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            Process.Start(start)?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Best effort at process exit; DeleteLeftovers removes the folder on the next run.
        }
    }

    /// <summary>Deletes the folders of earlier test processes that are gone and whose server is stopped.</summary>
    private static void DeleteLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "ssk-test-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 4 || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId
                || IsAlive(pid) || File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
