using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>Cases (sak) with their append-only events, and case-number sequences per municipality and year.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121120000_Cases")]
public sealed class Cases : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_number_sequences",
            columns: table => new
            {
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                year = table.Column<int>(type: "integer", nullable: false),
                last_sequence = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_number_sequences", x => new { x.municipality_number, x.year });
                table.ForeignKey("fk_case_number_sequences_municipalities_municipality_number", x => x.municipality_number, "municipalities", "number", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "cases",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                case_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cases", x => x.id);
                table.ForeignKey("fk_cases_municipalities_municipality_number", x => x.municipality_number, "municipalities", "number", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "case_events",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                sequence = table.Column<int>(type: "integer", nullable: false),
                occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                actor_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                actor_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                from_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                to_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                trigger = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                rulebook_version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_events", x => x.id);
                table.ForeignKey("fk_case_events_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_case_events_case_id_sequence", "case_events", ["case_id", "sequence"], unique: true);
        migrationBuilder.CreateIndex("ix_cases_municipality_number_case_number", "cases", ["municipality_number", "case_number"], unique: true, filter: "case_number IS NOT NULL");
        migrationBuilder.CreateIndex("ix_cases_municipality_number_state", "cases", ["municipality_number", "state"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("case_events");
        migrationBuilder.DropTable("cases");
        migrationBuilder.DropTable("case_number_sequences");
    }
}
