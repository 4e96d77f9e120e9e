using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>Appeals against decisions, with their deadline and the late flag (fvl. §§ 29–31).</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121210000_Appeals")]
public sealed class Appeals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "appeals",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                received_on = table.Column<DateOnly>(type: "date", nullable: false),
                posted_on = table.Column<DateOnly>(type: "date", nullable: true),
                notice_received_on = table.Column<DateOnly>(type: "date", nullable: false),
                deadline = table.Column<DateOnly>(type: "date", nullable: false),
                is_late = table.Column<bool>(type: "boolean", nullable: false),
                late_handling = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                late_handling_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                registered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_appeals", x => x.id);
                table.ForeignKey("fk_appeals_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_appeals_decisions_decision_id", x => x.decision_id, "decisions", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_appeals_case_id_registered_at", "appeals", ["case_id", "registered_at"]);
        migrationBuilder.CreateIndex("ix_appeals_decision_id", "appeals", "decision_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("appeals");
    }
}
