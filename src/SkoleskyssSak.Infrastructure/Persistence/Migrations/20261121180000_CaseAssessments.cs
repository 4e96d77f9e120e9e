using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// The caseworker's assessment of a case (issue 5): one row per case, the objective and subjective parts as jsonb,
/// a revision counter against overwriting a newer save (xmin guards the moment of saving).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121180000_CaseAssessments")]
public sealed class CaseAssessments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_assessments",
            columns: table => new
            {
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                revision = table.Column<int>(type: "integer", nullable: false),
                objective = table.Column<string>(type: "jsonb", nullable: true),
                subjective = table.Column<string>(type: "jsonb", nullable: true),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_assessments", x => x.case_id);
                table.ForeignKey("fk_case_assessments_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("case_assessments");
    }
}
