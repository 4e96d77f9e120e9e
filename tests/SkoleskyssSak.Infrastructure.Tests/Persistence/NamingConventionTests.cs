using System.Text.RegularExpressions;
using Npgsql;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Persistence;

/// <summary>
/// The naming convention of the database (EFCore.NamingConventions' snake_case, issue 13): every table, column, constraint, index and
/// sequence is lower snake_case, so SQL written by hand, reports and psql need no quoting.
/// </summary>
public partial class NamingConventionTests
{
    [Fact]
    public async Task Every_table_column_constraint_index_and_sequence_is_snake_case()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("naming");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // EF Core's own history table keeps its column names (MigrationId, ProductVersion); only its
        // table name is ours to choose, so its columns are left out.
        var names = await NamesAsync(connection, """
            SELECT 'table ' || table_name, table_name FROM information_schema.tables WHERE table_schema = 'public'
            UNION ALL
            SELECT 'column ' || table_name || '.' || column_name, column_name FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name <> '__ef_migrations_history'
            UNION ALL
            SELECT 'constraint ' || constraint_name, constraint_name FROM information_schema.table_constraints
              WHERE constraint_schema = 'public' AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')
                AND table_name <> '__ef_migrations_history'
            UNION ALL
            SELECT 'index ' || indexname, indexname FROM pg_indexes WHERE schemaname = 'public'
              AND tablename <> '__ef_migrations_history'
            UNION ALL
            SELECT 'sequence ' || sequence_name, sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'
            """);

        Assert.Contains(("column staff_users.normalized_user_name", "normalized_user_name"), names);
        Assert.Contains(("index ix_schools_municipality_number_name", "ix_schools_municipality_number_name"), names);
        Assert.True(names.Count > 80, $"Only {names.Count} names found; is the database migrated?");
        Assert.Empty(names.Where(n => !SnakeCase().IsMatch(n.Name)).Select(n => n.What));
    }

    [Fact]
    public async Task Foreign_keys_to_staff_tables_are_named_after_them_not_after_identitys_defaults()
    {
        // EFCore.NamingConventions names a foreign key after its principal's table at the time the key is added;
        // Identity's tables start as AspNetUsers/AspNetRoles before the configurations rename them (issue 13).
        var connectionString = await PostgresServer.CreateEmptyDatabaseAsync("naming_model");
        await using (var db = PostgresServer.Context(connectionString))
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var names = await NamesAsync(connection, """
            SELECT 'constraint ' || conname, conname FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'index ' || indexname, indexname FROM pg_indexes WHERE schemaname = 'public'
            """);

        Assert.Contains(("constraint fk_cases_staff_users_assigned_to", "fk_cases_staff_users_assigned_to"), names);
        Assert.Contains(("constraint fk_staff_user_claims_staff_users_user_id", "fk_staff_user_claims_staff_users_user_id"), names);
        Assert.Contains(("constraint fk_staff_role_claims_staff_roles_role_id", "fk_staff_role_claims_staff_roles_role_id"), names);
        Assert.Contains(("index user_name_index", "user_name_index"), names);
        Assert.Contains(("index role_name_index", "role_name_index"), names);
        Assert.Empty(names.Where(n => n.Name.Contains("asp_net", StringComparison.Ordinal) || !SnakeCase().IsMatch(n.Name)).Select(n => n.What));
    }

    private static async Task<List<(string What, string Name)>> NamesAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            names.Add((reader.GetString(0), reader.GetString(1)));
        }

        return names;
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex SnakeCase();
}
