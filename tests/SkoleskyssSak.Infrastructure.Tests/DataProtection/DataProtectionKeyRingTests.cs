using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Tests.Support;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.DataProtection;

/// <summary>
/// DESIGN.md §6: stateless web nodes. The data-protection key ring lives in PostgreSQL, so a cookie or an
/// antiforgery token protected by one node is readable by every other node and after a restart.
/// </summary>
public class DataProtectionKeyRingTests
{
    private const string Purpose = "SkoleskyssSak.Tests.KeyRing";

    [Fact]
    public async Task A_payload_protected_on_one_node_is_unprotected_on_another()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("keyring");
        await using var nodeA = InfrastructureServices.Build(connectionString);
        await using var nodeB = InfrastructureServices.Build(connectionString);

        var fromA = Protector(nodeA).Protect("innlogga som saksbehandlar");
        Assert.Equal("innlogga som saksbehandlar", Protector(nodeB).Unprotect(fromA));

        var fromB = Protector(nodeB).Protect("svar frå node B");
        Assert.Equal("svar frå node B", Protector(nodeA).Unprotect(fromB));

        // One shared key: node B used node A's key instead of making a ring of its own.
        await using var db = PostgresServer.Context(connectionString);
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        Assert.StartsWith("<key ", key.Xml, StringComparison.Ordinal);
        Assert.StartsWith("key-", key.FriendlyName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_with_another_database_cannot_read_the_payload()
    {
        // Shows that the shared database, not some process-wide or file-system default, is what makes the
        // keys common: a node with a key ring of its own refuses the payload.
        await using var nodeA = InfrastructureServices.Build(await PostgresServer.CreateDatabaseAsync("keyring_a"));
        await using var stranger = InfrastructureServices.Build(await PostgresServer.CreateDatabaseAsync("keyring_b"));

        var fromA = Protector(nodeA).Protect("hemmeleg");
        Assert.ThrowsAny<CryptographicException>(() => Protector(stranger).Unprotect(fromA));
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
