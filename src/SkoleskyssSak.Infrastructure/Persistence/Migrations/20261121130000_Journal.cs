using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>The journal of each case (journalpost I/U/N) with its public and full title.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121130000_Journal")]
public sealed class Journal : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "journal_entries",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                document_date = table.Column<DateOnly>(type: "date", nullable: false),
                public_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                document_id = table.Column<Guid>(type: "uuid", nullable: true),
                confidential = table.Column<bool>(type: "boolean", nullable: false),
                registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_journal_entries", x => x.id);
                table.ForeignKey("fk_journal_entries_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_journal_entries_case_id_registered_at", "journal_entries", ["case_id", "registered_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("journal_entries");
    }
}
