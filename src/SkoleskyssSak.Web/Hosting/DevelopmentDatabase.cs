#if DEBUG
using SkoleskyssSak.Infrastructure;
using SkoleskyssSak.LocalPostgres;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// In Development with no connection string, the app provisions its own PostgreSQL: a cluster in the
/// git-ignored folder .data/postgres at the repository root, created on the first run and reused after.
/// Production never provisions anything: a missing connection string stops the start with a clear error.
/// Compiled only in Debug builds (with the SkoleskyssSak.LocalPostgres project): a Release build has no such code.
/// </summary>
internal static class DevelopmentDatabase
{
    private const string DatabaseName = "skoleskysssak";

    public static async Task ProvisionIfNeededAsync(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment() ||
            !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)))
        {
            return;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("LocalPostgres");
        var root = builder.Configuration["LocalPostgres:RootDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");

        var cluster = await LocalPostgresCluster.EnsureRunningAsync(
            new LocalPostgresOptions { RootDirectory = root, BinDirectory = builder.Configuration["LocalPostgres:BinDirectory"] },
            logger,
            CancellationToken.None);
        await cluster.CreateDatabaseIfMissingAsync(DatabaseName, template: null, CancellationToken.None);
        // The app connects as its own non-superuser role; the superuser only provisioned (docs/operations.md "Database role").
        builder.Configuration[$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = cluster.AppConnectionString(DatabaseName);
        logger.LogInformation("Using the local PostgreSQL in {Root} (127.0.0.1:{Port}, database {Database}, role {Role})", root, cluster.Port, DatabaseName, LocalPostgresCluster.AppRole);
    }

    /// <summary>The folder holding SkoleskyssSak.sln above the content root, or the content root itself.</summary>
    private static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkoleskyssSak.sln")))
            {
                return dir.FullName;
            }
        }

        return contentRoot;
    }
}
#endif
