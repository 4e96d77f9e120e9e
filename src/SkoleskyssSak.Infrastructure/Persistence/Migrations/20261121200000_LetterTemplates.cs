using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// A municipality's own wording of the decision letter's notice texts (fvl. § 27); a text without a row is the
/// default of the municipality's language form.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121200000_LetterTemplates")]
public sealed class LetterTemplates : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "letter_template_texts",
            columns: table => new
            {
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_letter_template_texts", x => new { x.municipality_number, x.key });
                table.ForeignKey("fk_letter_template_texts_municipalities_municipality_number", x => x.municipality_number, "municipalities", "number", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("letter_template_texts");
    }
}
