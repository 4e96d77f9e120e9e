using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Issue 13: a parent's sign-in session remembers ID-porten's session id (the id_token's <c>sid</c>), so that
/// ID-porten's front-channel logout, which comes without our cookie (a cross-site frame), ends it on every node.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261208109000_SignInSessionProviderSession")]
public sealed class SignInSessionProviderSession : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "provider_session_id",
            table: "sign_in_sessions",
            type: "character varying(200)",
            maxLength: 200,
            nullable: true);
        migrationBuilder.CreateIndex("ix_sign_in_sessions_provider_session_id", "sign_in_sessions", "provider_session_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_sign_in_sessions_provider_session_id", "sign_in_sessions");
        migrationBuilder.DropColumn("provider_session_id", "sign_in_sessions");
    }
}
