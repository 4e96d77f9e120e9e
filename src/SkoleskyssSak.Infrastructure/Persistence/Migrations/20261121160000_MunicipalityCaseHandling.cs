using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Per municipality, the unit that handles the cases and the expected processing time in weeks ("Mine saker", the
/// receipt). Both nullable: a municipality that has not configured them gets the generic text.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121160000_MunicipalityCaseHandling")]
public sealed class MunicipalityCaseHandling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "handling_unit",
            table: "municipalities",
            type: "character varying(200)",
            maxLength: 200,
            nullable: true);

        migrationBuilder.AddColumn<int>(
            name: "expected_processing_weeks",
            table: "municipalities",
            type: "integer",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "expected_processing_weeks", table: "municipalities");
        migrationBuilder.DropColumn(name: "handling_unit", table: "municipalities");
    }
}
