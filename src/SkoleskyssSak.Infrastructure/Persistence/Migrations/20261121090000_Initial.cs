using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Organisation (municipalities, schools, appeal bodies), staff accounts (Identity), audit trail and the
/// data-protection key ring. Written by hand (the EF Design package is not available here); the schema test
/// in Infrastructure.Tests proves it creates exactly what the model describes. See docs/operations.md.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121090000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "municipalities",
            columns: table => new
            {
                number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                county = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                language_form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                postal_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_municipalities", x => x.number));

        migrationBuilder.CreateTable(
            name: "schools",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                lowest_grade = table.Column<int>(type: "integer", nullable: false),
                highest_grade = table.Column<int>(type: "integer", nullable: false),
                is_private = table.Column<bool>(type: "boolean", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_schools", x => x.id);
                table.ForeignKey("fk_schools_municipalities_municipality_number", x => x.municipality_number, "municipalities", "number", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "appeal_bodies",
            columns: table => new
            {
                code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                postal_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_appeal_bodies", x => x.code));

        migrationBuilder.CreateTable(
            name: "audit_events",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                actor_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                object_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                object_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                trace_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_audit_events", x => x.id));

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                xml = table.Column<string>(type: "text", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));

        CreateIdentityTables(migrationBuilder);

        migrationBuilder.CreateIndex("ix_audit_events_actor_id_occurred_at", "audit_events", ["actor_id", "occurred_at"]);
        migrationBuilder.CreateIndex("ix_audit_events_object_type_object_id_occurred_at", "audit_events", ["object_type", "object_id", "occurred_at"]);
        migrationBuilder.CreateIndex("ix_schools_municipality_number_name", "schools", ["municipality_number", "name"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in (string[])["staff_user_tokens", "staff_user_roles", "staff_user_logins", "staff_user_claims", "staff_role_claims",
                     "staff_users", "staff_roles", "data_protection_keys", "audit_events", "appeal_bodies", "schools", "municipalities"])
        {
            migrationBuilder.DropTable(table);
        }
    }

    /// <summary>ASP.NET Core Identity's schema (IdentityDbContext, schema version 1) under our table names.</summary>
    private static void CreateIdentityTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "staff_roles",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_staff_roles", x => x.id));

        migrationBuilder.CreateTable(
            name: "staff_users",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                school_id = table.Column<Guid>(type: "uuid", nullable: true),
                appeal_body_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                password_hash = table.Column<string>(type: "text", nullable: true),
                security_stamp = table.Column<string>(type: "text", nullable: true),
                concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                phone_number = table.Column<string>(type: "text", nullable: true),
                phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                access_failed_count = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_staff_users", x => x.id));

        migrationBuilder.CreateTable(
            name: "staff_role_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<Guid>(type: "uuid", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_role_claims", x => x.id);
                table.ForeignKey("fk_staff_role_claims_staff_roles_role_id", x => x.role_id, "staff_roles", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "staff_user_claims",
            columns: table => new
            {
                id = table.Column<int>(type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                claim_type = table.Column<string>(type: "text", nullable: true),
                claim_value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_user_claims", x => x.id);
                table.ForeignKey("fk_staff_user_claims_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "staff_user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(type: "text", nullable: false),
                provider_key = table.Column<string>(type: "text", nullable: false),
                provider_display_name = table.Column<string>(type: "text", nullable: true),
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("fk_staff_user_logins_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "staff_user_roles",
            columns: table => new
            {
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                role_id = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey("fk_staff_user_roles_staff_roles_role_id", x => x.role_id, "staff_roles", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("fk_staff_user_roles_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "staff_user_tokens",
            columns: table => new
            {
                user_id = table.Column<Guid>(type: "uuid", nullable: false),
                login_provider = table.Column<string>(type: "text", nullable: false),
                name = table.Column<string>(type: "text", nullable: false),
                value = table.Column<string>(type: "text", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("fk_staff_user_tokens_staff_users_user_id", x => x.user_id, "staff_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_staff_role_claims_role_id", "staff_role_claims", "role_id");
        migrationBuilder.CreateIndex("role_name_index", "staff_roles", "normalized_name", unique: true);
        migrationBuilder.CreateIndex("ix_staff_user_claims_user_id", "staff_user_claims", "user_id");
        migrationBuilder.CreateIndex("ix_staff_user_logins_user_id", "staff_user_logins", "user_id");
        migrationBuilder.CreateIndex("ix_staff_user_roles_role_id", "staff_user_roles", "role_id");
        migrationBuilder.CreateIndex("email_index", "staff_users", "normalized_email");
        migrationBuilder.CreateIndex("ix_staff_users_municipality_number", "staff_users", "municipality_number");
        migrationBuilder.CreateIndex("user_name_index", "staff_users", "normalized_user_name", unique: true);
    }
}
