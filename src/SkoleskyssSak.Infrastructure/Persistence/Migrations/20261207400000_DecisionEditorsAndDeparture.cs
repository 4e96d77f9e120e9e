using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Every staff user who drafted or changed a decision (four-eyes: none of them may issue it), and the written departure
/// from the assessment's conclusion. Existing decisions get their drafter as the only editor.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261207400000_DecisionEditorsAndDeparture")]
public sealed class DecisionEditorsAndDeparture : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE decisions ADD COLUMN edited_by text[] NOT NULL DEFAULT '{}';");
        migrationBuilder.Sql("UPDATE decisions SET edited_by = ARRAY[drafted_by]::text[];");
        migrationBuilder.Sql("ALTER TABLE decisions ALTER COLUMN edited_by DROP DEFAULT;");
        migrationBuilder.AddColumn<string>(
            name: "assessment_departure",
            table: "decisions",
            type: "character varying(4000)",
            maxLength: 4000,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "assessment_departure", table: "decisions");
        migrationBuilder.DropColumn(name: "edited_by", table: "decisions");
    }
}
