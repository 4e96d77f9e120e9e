using System.Globalization;
using Npgsql;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Fault.Tests;

/// <summary>The test process's private PostgreSQL cluster (<see cref="PostgresServer"/>), restarted under the running app.</summary>
internal static class DatabaseServer
{
    /// <summary>
    /// A new migrated database for the app in which every commit is durable once acknowledged. The tests' cluster runs
    /// with <c>synchronous_commit=off</c> for speed, under which an immediate shutdown loses the last commits by design;
    /// production runs with the default (on), so the database is set back to it (a database setting outranks the
    /// server's command line).
    /// </summary>
    public static async Task<string> CreateDurableDatabaseAsync(string purpose)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(purpose);
        var cluster = await PostgresServer.ClusterAsync();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET synchronous_commit = on", connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>
    /// <c>pg_ctl restart -m fast|immediate</c>: fast disconnects every client and shuts down cleanly, immediate aborts
    /// (crash recovery on start). pg_ctl reuses the server's command-line options (postmaster.opts), so it comes back on
    /// the same port; waits until it accepts connections again.
    /// </summary>
    public static async Task RestartAsync(string mode)
    {
        var cluster = await PostgresServer.ClusterAsync();
        var pgCtl = PgCtl();
        string[] arguments = ["-D", Path.Combine(cluster.RootDirectory, "data"), "-l", Path.Combine(cluster.RootDirectory, "server.log"), "-m", mode, "-w", "-t", "60", "restart"];
        if (Environment.UserName == "root")
        {
            await Cli.RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. arguments]);
        }
        else
        {
            await Cli.RunAsync(pgCtl, arguments);
        }

        // The test process's own pooled connections (creating databases, counting) died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The newest pg_ctl under /usr/lib/postgresql/*/bin (as LocalPostgresCluster finds it) or on PATH.</summary>
    private static string PgCtl()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin", "pg_ctl"))
                .Where(File.Exists)
                .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? "pg_ctl";
    }
}
