using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Tests.Persistence;

/// <summary>Issue 10: a database away for a while is a 503 (try again), any other unhandled error a 500.</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception, int> Errors() => new()
    {
        { "retries used up", new RetryLimitExceededException("retries", new NpgsqlException("refused", new SocketException(111))), 503 },
        { "connection refused", new NpgsqlException("refused", new SocketException(111)), 503 },
        { "server shutting down (57P01)", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"), 503 },
        { "server starting up (57P03)", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03"), 503 },
        { "too many connections (53300)", new PostgresException("too many connections", "FATAL", "FATAL", "53300"), 503 },
        { "wrapped in another exception", new InvalidOperationException("query failed", new NpgsqlException("refused", new SocketException(111))), 503 },
        { "unique violation (23505)", new PostgresException("duplicate key", "ERROR", "ERROR", "23505"), 500 },
        { "a bug", new InvalidOperationException("bug"), 500 },
        { "a timeout of our own", new TimeoutException("slow"), 500 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Only_an_unreachable_database_is_answered_with_503(string what, Exception error, int expected)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Equal(expected, DatabaseUnavailable.StatusCodeOf(error));
    }
}
