using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>Versioned rulebooks (issue 3): the document as jsonb, lifecycle Draft → Active → Retired.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121100000_RulebookVersions")]
public sealed class RulebookVersions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "rulebook_versions",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                municipality_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                version = table.Column<int>(type: "integer", nullable: false),
                status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                content = table.Column<string>(type: "jsonb", nullable: false),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_rulebook_versions", x => x.id);
                table.ForeignKey("fk_rulebook_versions_municipalities_municipality_number", x => x.municipality_number, "municipalities", "number", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_rulebook_versions_municipality_number_status", "rulebook_versions", ["municipality_number", "status"]);
        migrationBuilder.CreateIndex("ix_rulebook_versions_municipality_number_version", "rulebook_versions", ["municipality_number", "version"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("rulebook_versions");
    }
}
