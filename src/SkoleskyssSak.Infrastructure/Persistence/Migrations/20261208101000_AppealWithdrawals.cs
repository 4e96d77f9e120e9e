using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// When the appellant withdrew an appeal (issue 11): the appeal case ends and the decision stands. An appeal body's open
/// step is then closed with the outcome "Withdrawn" (a value of the existing text column, no schema change).
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261208101000_AppealWithdrawals")]
public sealed class AppealWithdrawals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "withdrawn_at",
            table: "appeals",
            type: "timestamp with time zone",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "withdrawn_at", table: "appeals");
    }
}
