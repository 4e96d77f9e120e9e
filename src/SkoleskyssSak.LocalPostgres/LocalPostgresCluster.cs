using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SkoleskyssSak.LocalPostgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, listening on loopback only. Used by the app in
/// Development when no connection string is configured (so a fresh clone runs with one command) and by
/// the tests (one throwaway cluster per test run). Never used in Production.
/// initdb and postgres refuse to run as root: as root the folder is given to the <c>postgres</c> user and
/// the binaries run through <c>runuser -u postgres --</c> (DESIGN.md §10).
/// </summary>
public sealed class LocalPostgresCluster
{
    /// <summary>The app's own role: no superuser, no CREATEDB/CREATEROLE; owner of the app's databases (docs/operations.md "Database role").</summary>
    public const string AppRole = "skoleskyss_app";

    /// <summary>The largest pool of one app process: below the server's max_connections, with the headroom described in operations.md.</summary>
    public const int AppPoolSize = 40;

    /// <summary>Connections only a superuser may use, so psql still gets in when the app has taken every other one.</summary>
    public const int SuperuserReservedConnections = 5;

    private const string Superuser = "postgres";

    private readonly LocalPostgresOptions options;
    private readonly ILogger logger;
    private readonly string binDirectory;

    private LocalPostgresCluster(LocalPostgresOptions options, ILogger logger, string binDirectory)
    {
        this.options = options;
        this.logger = logger;
        this.binDirectory = binDirectory;
    }

    public int Port { get; private set; }

    public string RootDirectory => options.RootDirectory;

    private string DataDirectory => Path.Combine(options.RootDirectory, "data");

    private string PortFile => Path.Combine(options.RootDirectory, "port");

    private string LogFile => Path.Combine(options.RootDirectory, "server.log");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates the cluster if the folder holds none, starts it unless it already runs, and returns it.</summary>
    public static async Task<LocalPostgresCluster> EnsureRunningAsync(LocalPostgresOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var cluster = new LocalPostgresCluster(options, logger, FindBinDirectory(options.BinDirectory));
        await cluster.InitialiseIfMissingAsync(cancellationToken);
        await cluster.StartIfStoppedAsync(cancellationToken);
        return cluster;
    }

    /// <summary>The server's max_connections: 100 for a development cluster, 300 for the tests' throwaway cluster (many databases at once).</summary>
    public int MaxConnections => options.Ephemeral ? 300 : 100;

    /// <summary>
    /// What the app connects with: its own non-superuser role, a pool of at most <see cref="AppPoolSize"/> connections.
    /// The superuser connection (<see cref="ConnectionString"/>) is for provisioning only.
    /// </summary>
    public string AppConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = AppRole,
        Database = database,
        Pooling = true,
        MaxPoolSize = AppPoolSize,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>The superuser's connection: creating roles and databases (provisioning), never the app's.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Pooling = true,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>
    /// Creates the database unless it exists; with a template, as a copy of it (fast for tests). It belongs to the app's
    /// role (<see cref="AppRole"/>, created here if missing), which migrates and uses it without being a superuser; a
    /// database made before the role existed is handed over to it.
    /// </summary>
    public async Task CreateDatabaseIfMissingAsync(string database, string? template, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await EnsureAppRoleAsync(connection, cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", connection))
        {
            exists.Parameters.AddWithValue(database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is string owner)
            {
                if (owner != AppRole)
                {
                    await HandOverToAppRoleAsync(database, cancellationToken);
                }

                return;
            }
        }

        var sql = $"CREATE DATABASE {QuoteIdentifier(database)}" + (template is null ? string.Empty : $" TEMPLATE {QuoteIdentifier(template)}") + $" OWNER {AppRole}";
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>LOGIN, and nothing a superuser has: it cannot take the reserved connections nor create roles or databases.</summary>
    private static async Task EnsureAppRoleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var role = new NpgsqlCommand(
            $"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{AppRole}') THEN
                CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
              END IF;
            END
            $$
            """,
            connection);
        await role.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A development database made by the superuser (before the app had a role of its own): the database, its schema and tables go to the app's role.</summary>
    private async Task HandOverToAppRoleAsync(string database, CancellationToken cancellationToken)
    {
        logger.LogInformation("Handing the database {Database} over to the role {Role}", database, AppRole);
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var handOver = new NpgsqlCommand(
            $"""
            ALTER DATABASE {QuoteIdentifier(database)} OWNER TO {AppRole};
            ALTER SCHEMA public OWNER TO {AppRole};
            DO $$
            DECLARE r record;
            BEGIN
              FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                         AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
              LOOP
                EXECUTE format('ALTER %s public.%I OWNER TO {AppRole}',
                  CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
              END LOOP;
            END
            $$
            """,
            connection);
        await handOver.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], cancellationToken);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task InitialiseIfMissingAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(options.RootDirectory);
        await GiveToPostgresUserAsync(cancellationToken);
        logger.LogInformation("Creating a local PostgreSQL cluster in {Directory}", DataDirectory);
        await RunAsync(
            Path.Combine(binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            cancellationToken);
    }

    private async Task StartIfStoppedAsync(CancellationToken cancellationToken)
    {
        var runningPort = RunningPort();
        if (runningPort is not null)
        {
            Port = runningPort.Value;
            logger.LogInformation("Reusing the local PostgreSQL cluster on port {Port}", Port);
            return;
        }

        Port = RememberedPort() is { } remembered && IsPortFree(remembered) ? remembered : FreePort();
        await File.WriteAllTextAsync(PortFile, Port.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await GiveToPostgresUserAsync(cancellationToken);

        // Loopback only; no Unix socket, so the folder's path length does not matter.
        // max_connections above the app's pool with headroom, some of them reserved for the superuser (issue 10).
        var serverOptions = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={MaxConnections} -c superuser_reserved_connections={SuperuserReservedConnections}";
        if (options.Ephemeral)
        {
            serverOptions += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }

        logger.LogInformation("Starting the local PostgreSQL cluster on 127.0.0.1:{Port}", Port);
        await RunAsync(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions, "start"],
            cancellationToken);
    }

    /// <summary>The port of a server already running on this folder (postmaster.pid line 4), if its process lives.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid) || !int.TryParse(lines[3], CultureInfo.InvariantCulture, out var port))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null; // stale pid file: the server was killed; pg_ctl start cleans it up
        }
    }

    private int? RememberedPort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), CultureInfo.InvariantCulture, out var port) ? port : null;

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task GiveToPostgresUserAsync(CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", options.RootDirectory], cancellationToken, asPostgres: false);
        }
    }

    private static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"LocalPostgres:BinDirectory '{configured}' has no initdb.");
        }

        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return debian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries found (initdb, pg_ctl). Install them with 'apt-get install postgresql' " +
            "or set LocalPostgres:BinDirectory, or configure ConnectionStrings:Database for an existing server.");
    }

    private async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken, bool asPostgres = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var part in (string[])["-u", Superuser, "--", fileName])
            {
                start.ArgumentList.Add(part);
            }
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // pg_ctl -l sends the server's own output to the log file, so these pipes close when pg_ctl exits.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var serverLog = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile, cancellationToken) : string.Empty;
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} failed with exit code {process.ExitCode}: {await stderr}{await stdout}{serverLog[Math.Max(0, serverLog.Length - 2000)..]}");
        }
    }
}

public sealed class LocalPostgresOptions
{
    /// <summary>The cluster's folder: data/, server.log and the remembered port live here.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Folder of initdb/pg_ctl; found under /usr/lib/postgresql/*/bin or on PATH when empty.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Throwaway clusters for tests: fsync and full-page writes off.</summary>
    public bool Ephemeral { get; init; }
}
