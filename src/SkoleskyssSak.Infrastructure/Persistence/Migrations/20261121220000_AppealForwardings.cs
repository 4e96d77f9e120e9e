using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>The steps of an appeal up the chain (fvl. §§ 33–34): forwarding letter, comment deadline, the body's handling.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121220000_AppealForwardings")]
public sealed class AppealForwardings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "appeal_forwardings",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                appeal_id = table.Column<Guid>(type: "uuid", nullable: false),
                body_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                step = table.Column<int>(type: "integer", nullable: false),
                assessment = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                comment_deadline = table.Column<DateOnly>(type: "date", nullable: false),
                forwarded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                forwarded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                letter_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                meeting_date = table.Column<DateOnly>(type: "date", nullable: true),
                resolution = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                decision_document_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_appeal_forwardings", x => x.id);
                table.ForeignKey("fk_appeal_forwardings_appeal_bodies_body_code", x => x.body_code, "appeal_bodies", "code", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_appeal_forwardings_appeals_appeal_id", x => x.appeal_id, "appeals", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_appeal_forwardings_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_appeal_forwardings_appeal_id", "appeal_forwardings", "appeal_id");
        migrationBuilder.CreateIndex("ix_appeal_forwardings_body_code_outcome_forwarded_at", "appeal_forwardings", ["body_code", "outcome", "forwarded_at"]);
        migrationBuilder.CreateIndex("ix_appeal_forwardings_case_id_step", "appeal_forwardings", ["case_id", "step"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("appeal_forwardings");
    }
}
