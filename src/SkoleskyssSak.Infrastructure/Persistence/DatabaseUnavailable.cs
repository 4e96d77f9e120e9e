using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SkoleskyssSak.Infrastructure.Persistence;

/// <summary>
/// Whether an unhandled error means the database could not be reached for a while (PostgreSQL restarting or shutting
/// down, no connection to be had, the retries used up): the request gets 503 with Retry-After, not a 500, because
/// the same request will work once the database is back (issue 10: the fault test saw such 500s during a restart).
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections.
    private static readonly HashSet<string> UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                case PostgresException postgres when UnavailableStates.Contains(postgres.SqlState):
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The status an unhandled error is answered with: 503 when the database is unavailable, else 500.</summary>
    public static int StatusCodeOf(Exception exception) => Is(exception) ? 503 : 500;
}
