using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>The søknad of each case (jsonb) and the parties of each case by pseudonym ("Mine saker").</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121140000_Applications")]
public sealed class Applications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "applications",
            columns: table => new
            {
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                applicant_pseudonym = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                content = table.Column<string>(type: "jsonb", nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_applications", x => x.case_id);
                table.ForeignKey("fk_applications_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_applications_applicant_pseudonym", "applications", "applicant_pseudonym");

        migrationBuilder.CreateTable(
            name: "case_parties",
            columns: table => new
            {
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                party_pseudonym = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_parties", x => new { x.case_id, x.party_pseudonym });
                table.ForeignKey("fk_case_parties_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("ix_case_parties_party_pseudonym", "case_parties", "party_pseudonym");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("case_parties");
        migrationBuilder.DropTable("applications");
    }
}
