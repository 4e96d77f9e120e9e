using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkoleskyssSak.Infrastructure.Tests.Support;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.DataProtection;

/// <summary>
/// Issue 13: Microsoft.AspNetCore.DataProtection.EntityFrameworkCore replaced our own DbXmlRepository on the same
/// data_protection_keys table. A database whose key ring the old code wrote must keep working after the upgrade:
/// cookies, antiforgery tokens and sign-in sessions protected before are read after, and no new ring is started.
/// </summary>
public class KeysWrittenByDbXmlRepositoryTests
{
    private const string Purpose = "SkoleskyssSak.Tests.KeyRing";

    [Fact]
    public async Task A_payload_protected_with_a_key_stored_by_DbXmlRepository_is_unprotected_by_the_library()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("keyring_old");

        // Before: the key manager as the app configured it (application name "SkoleskyssSak"), with the key ring
        // stored exactly as DbXmlRepository.StoreElement stored it: one row per element, friendly_name and the XML
        // without formatting, id from the identity column.
        var oldRing = new DbXmlRepositoryRows(connectionString);
        var protectedBefore = ProtectWithOldRing(oldRing, "innlogga før oppgraderinga");
        Assert.Equal(1, await CountKeysAsync(connectionString));

        // After: the app's own wiring (PersistKeysToDbContext<AppDbContext>).
        await using var upgraded = InfrastructureServices.Build(connectionString);
        var protector = upgraded.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        Assert.Equal("innlogga før oppgraderinga", protector.Unprotect(protectedBefore));

        // The old key is used for new payloads too: no second key, and the old code's reader still reads the ring.
        var protectedAfter = protector.Protect("innlogga etter");
        Assert.Equal(1, await CountKeysAsync(connectionString));
        Assert.Equal("innlogga etter", UnprotectWithOldRing(oldRing, protectedAfter));
    }

    [Fact]
    public async Task Rows_written_by_the_library_have_the_shape_DbXmlRepository_wrote()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("keyring_new");
        await using (var app = InfrastructureServices.Build(connectionString))
        {
            app.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("ny nøkkel");
        }

        await using var db = PostgresServer.Context(connectionString);
        var row = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Matches("^key-[0-9a-f-]{36}$", row.FriendlyName);
        var element = XElement.Parse(row.Xml!);
        Assert.Equal("key", element.Name.LocalName);
        Assert.Equal(element.ToString(SaveOptions.DisableFormatting), row.Xml);
        Assert.Equal(1, await CountKeysAsync(connectionString));
    }

    private static string ProtectWithOldRing(IXmlRepository ring, string payload)
    {
        using var services = OldKeyManager(ring);
        return services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(payload);
    }

    private static string UnprotectWithOldRing(IXmlRepository ring, string payload)
    {
        using var services = OldKeyManager(ring);
        return services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload);
    }

    private static ServiceProvider OldKeyManager(IXmlRepository ring)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("SkoleskyssSak");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = ring);
        return services.BuildServiceProvider();
    }

    private static async Task<long> CountKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// What the removed DbXmlRepository did, in SQL: read every row's xml in id order; store an element as a new row
    /// with its friendly name and the XML without formatting.
    /// </summary>
    private sealed class DbXmlRepositoryRows(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendly_name, @xml)", connection);
            command.Parameters.AddWithValue("friendly_name", friendlyName);
            command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }
    }
}
