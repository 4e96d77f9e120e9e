using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>Decisions (enkeltvedtak) of a case and the municipality's four-eyes setting.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121190000_Decisions")]
public sealed class Decisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "decision_requires_second_approval",
            table: "municipalities",
            type: "boolean",
            nullable: false,
            defaultValue: false);

        // The default only fills the existing rows; the model has none (new municipalities state it).
        migrationBuilder.Sql("ALTER TABLE municipalities ALTER COLUMN decision_requires_second_approval DROP DEFAULT;");

        migrationBuilder.CreateTable(
            name: "decisions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                period_from = table.Column<DateOnly>(type: "date", nullable: true),
                period_to = table.Column<DateOnly>(type: "date", nullable: true),
                grounds = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                rulebook_version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                drafted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                issued_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                letter_document_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_decisions", x => x.id);
                table.ForeignKey("fk_decisions_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("fk_decisions_case_documents_letter_document_id", x => x.letter_document_id, "case_documents", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_decisions_case_id_draft", "decisions", "case_id", unique: true, filter: "status = 'Draft'");
        migrationBuilder.CreateIndex("ix_decisions_case_id_issued_at", "decisions", ["case_id", "issued_at"]);
        migrationBuilder.CreateIndex("ix_decisions_letter_document_id", "decisions", "letter_document_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("decisions");
        migrationBuilder.DropColumn("decision_requires_second_approval", "municipalities");
    }
}
