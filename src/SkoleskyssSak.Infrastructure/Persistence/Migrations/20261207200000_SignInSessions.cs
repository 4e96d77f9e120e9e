using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Issue 10: server-side sign-in sessions (sign-out, a password change or a disabled account ends them on every node)
/// and the per-account and per-address back-off of failed staff sign-ins.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207200000_SignInSessions")]
public sealed class SignInSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sign_in_sessions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                user_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_sign_in_sessions", x => x.id));
        migrationBuilder.CreateIndex("ix_sign_in_sessions_subject", "sign_in_sessions", "subject");
        migrationBuilder.CreateIndex("ix_sign_in_sessions_expires_at", "sign_in_sessions", "expires_at");

        migrationBuilder.CreateTable(
            name: "sign_in_throttles",
            columns: table => new
            {
                id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                failures = table.Column<int>(type: "integer", nullable: false),
                last_failure_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                blocked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_sign_in_throttles", x => x.id));
        migrationBuilder.CreateIndex("ix_sign_in_throttles_last_failure_at", "sign_in_throttles", "last_failure_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("sign_in_throttles");
        migrationBuilder.DropTable("sign_in_sessions");
    }
}
