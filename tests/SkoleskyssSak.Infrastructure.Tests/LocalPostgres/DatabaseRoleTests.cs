using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SkoleskyssSak.LocalPostgres;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.LocalPostgres;

/// <summary>
/// Issue 10 item 14: the app connects as its own non-superuser role, with a pool below the server's max_connections,
/// so it can never take the connections reserved for the superuser (psql stays usable under load).
/// </summary>
public sealed class DatabaseRoleTests : IAsyncLifetime
{
    private readonly string root = Path.Combine("/tmp", "ssk-role-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalPostgresCluster? cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (cluster is not null && File.Exists(Path.Combine(root, "data", "postmaster.pid")))
        {
            await cluster.StopAsync(CancellationToken.None);
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_test_database_is_used_through_the_app_role_which_owns_its_tables_and_is_no_superuser()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("approle");
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(LocalPostgresCluster.AppRole, settings.Username);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Assert.False((bool)(await ScalarAsync(connection, "SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user"))!);
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user"));
        Assert.True((long)(await ScalarAsync(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))! > 10);

        // The pool leaves headroom below what a non-superuser may open at all.
        var maxConnections = int.Parse((string)(await ScalarAsync(connection, "SHOW max_connections"))!, System.Globalization.CultureInfo.InvariantCulture);
        var reserved = int.Parse((string)(await ScalarAsync(connection, "SHOW superuser_reserved_connections"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(reserved >= 3, $"{reserved} reserved");
        Assert.InRange(settings.MaxPoolSize, 1, maxConnections - reserved - 10);
    }

    [Fact]
    public async Task A_development_database_made_by_the_superuser_is_handed_over_to_the_app_role()
    {
        cluster = await LocalPostgresCluster.EnsureRunningAsync(new LocalPostgresOptions { RootDirectory = root, Ephemeral = true }, NullLogger.Instance, CancellationToken.None);
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres") + ";Pooling=false"))
        {
            await admin.OpenAsync();
            await ExecuteAsync(admin, "CREATE DATABASE olddev");
        }

        await using (var old = new NpgsqlConnection(cluster.ConnectionString("olddev") + ";Pooling=false"))
        {
            await old.OpenAsync();
            await ExecuteAsync(old, "CREATE TABLE kept (id serial PRIMARY KEY, note text); INSERT INTO kept (note) VALUES ('før rolla')");
        }

        await cluster.CreateDatabaseIfMissingAsync("olddev", template: null, CancellationToken.None);

        await using var app = new NpgsqlConnection(cluster.AppConnectionString("olddev") + ";Pooling=false");
        await app.OpenAsync();
        await ExecuteAsync(app, "INSERT INTO kept (note) VALUES ('etter rolla'); ALTER TABLE kept ADD COLUMN added int");
        Assert.Equal(2L, await ScalarAsync(app, "SELECT count(*) FROM kept"));
        Assert.Equal(LocalPostgresCluster.AppRole, await ScalarAsync(app, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'olddev'"));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(app, "CREATE ROLE intruder SUPERUSER"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
