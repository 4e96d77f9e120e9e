using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkoleskyssSak.LocalPostgres;

namespace SkoleskyssSak.Infrastructure.Tests.LocalPostgres;

/// <summary>
/// The private cluster that makes a fresh clone run with one command (DESIGN.md §10): created once, reused
/// while it runs, and started again with its data after a stop, so the second run keeps the first run's data.
/// </summary>
public sealed class LocalPostgresClusterTests : IAsyncLifetime
{
    // Short on purpose: PostgreSQL's socket and lock paths are limited to about 107 characters.
    private readonly string root = Path.Combine("/tmp", "ssk-lpc-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgresCluster? cluster;

    private LocalPostgresOptions Options => new() { RootDirectory = root, Ephemeral = true };

    private string PidFile => Path.Combine(root, "data", "postmaster.pid");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (cluster is not null && File.Exists(PidFile))
        {
            await cluster.StopAsync(CancellationToken.None);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Cluster_is_created_once_reused_while_running_and_keeps_its_data_across_restarts()
    {
        Assert.False(Directory.Exists(root));

        // First run: initdb and start.
        cluster = await LocalPostgresCluster.EnsureRunningAsync(Options, NullLogger.Instance, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(root, "data", "PG_VERSION")));
        Assert.InRange(cluster.Port, 1024, 65535);
        await cluster.CreateDatabaseIfMissingAsync("skoleskyss_dev", template: null, CancellationToken.None);
        await ExecuteAsync(cluster, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('frå første køyring')");
        var firstServer = ServerPid();
        var initialisedAt = File.GetLastWriteTimeUtc(Path.Combine(root, "data", "PG_VERSION"));

        // Second run while it still runs: the same server process on the same port, no initdb.
        var again = await LocalPostgresCluster.EnsureRunningAsync(Options, NullLogger.Instance, CancellationToken.None);
        Assert.Equal(cluster.Port, again.Port);
        Assert.Equal(firstServer, ServerPid());
        Assert.Equal(initialisedAt, File.GetLastWriteTimeUtc(Path.Combine(root, "data", "PG_VERSION")));

        // Stopped (the developer's machine rebooted): the next run starts the same cluster with its data.
        await cluster.StopAsync(CancellationToken.None);
        Assert.False(File.Exists(PidFile));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(cluster, "SELECT 1"));

        var restarted = await LocalPostgresCluster.EnsureRunningAsync(Options, NullLogger.Instance, CancellationToken.None);
        cluster = restarted;
        Assert.NotEqual(firstServer, ServerPid());
        Assert.Equal(again.Port, restarted.Port); // the remembered port, so saved connection strings keep working
        Assert.Equal(initialisedAt, File.GetLastWriteTimeUtc(Path.Combine(root, "data", "PG_VERSION")));
        Assert.Equal("frå første køyring", await ScalarAsync(restarted, "SELECT note FROM kept"));
    }

    [Fact]
    public async Task Creating_a_database_twice_is_harmless()
    {
        cluster = await LocalPostgresCluster.EnsureRunningAsync(Options, NullLogger.Instance, CancellationToken.None);
        await cluster.CreateDatabaseIfMissingAsync("to\"gonger", template: null, CancellationToken.None);
        await cluster.CreateDatabaseIfMissingAsync("to\"gonger", template: null, CancellationToken.None);

        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = 'to\"gonger'", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    private int ServerPid() => int.Parse(File.ReadLines(PidFile).First(), CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(LocalPostgresCluster server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("skoleskyss_dev") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(LocalPostgresCluster server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("skoleskyss_dev") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
