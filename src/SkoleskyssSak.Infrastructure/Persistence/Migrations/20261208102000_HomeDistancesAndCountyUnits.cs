using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// Referral to the county per home (issue 11, opplæringslova § 4-1 first and last paragraph): the walking distance of
/// each home as the caseworker confirmed it (source, date) and its referral; the county units that handle distance
/// transport, one per county.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261208102000_HomeDistancesAndCountyUnits")]
public sealed class HomeDistancesAndCountyUnits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "county_transport_units",
            columns: table => new
            {
                county = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                postal_address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_county_transport_units", x => x.county));

        migrationBuilder.CreateTable(
            name: "home_distances",
            columns: table => new
            {
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                home_index = table.Column<int>(type: "integer", nullable: false),
                confirmed_km = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                measured_on = table.Column<DateOnly>(type: "date", nullable: false),
                confirmed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                referred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                referred_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                referral_letter_id = table.Column<Guid>(type: "uuid", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_home_distances", x => new { x.case_id, x.home_index });
                table.ForeignKey("fk_home_distances_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("home_distances");
        migrationBuilder.DropTable("county_transport_units");
    }
}
