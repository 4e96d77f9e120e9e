using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>When a case's interim reply (fvl. § 11 a) was sent, and the index the interim reply job reads.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121203000_InterimReplies")]
public sealed class InterimReplies : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(
            name: "interim_reply_sent_at",
            table: "cases",
            type: "timestamp with time zone",
            nullable: true);

        migrationBuilder.CreateIndex(
            name: "ix_cases_interim_reply_pending",
            table: "cases",
            column: "submitted_at",
            filter: "interim_reply_sent_at IS NULL AND state IN ('Submitted', 'InAssessment', 'AwaitingInformation')");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_cases_interim_reply_pending", table: "cases");
        migrationBuilder.DropColumn(name: "interim_reply_sent_at", table: "cases");
    }
}
