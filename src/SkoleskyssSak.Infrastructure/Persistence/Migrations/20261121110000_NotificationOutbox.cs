using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>The notification outbox: e-mails stored with the change they tell about, sent afterwards.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121110000_NotificationOutbox")]
public sealed class NotificationOutbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "outbox_messages",
            columns: table => new
            {
                id = table.Column<long>(type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: true),
                recipient = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                body = table.Column<string>(type: "text", nullable: false),
                attempts = table.Column<int>(type: "integer", nullable: false),
                next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_outbox_messages", x => x.id));

        migrationBuilder.CreateIndex("ix_outbox_messages_case_id", "outbox_messages", "case_id");
        migrationBuilder.CreateIndex("ix_outbox_messages_next_attempt_at", "outbox_messages", "next_attempt_at", filter: "sent_at IS NULL AND failed_at IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("outbox_messages");
    }
}
