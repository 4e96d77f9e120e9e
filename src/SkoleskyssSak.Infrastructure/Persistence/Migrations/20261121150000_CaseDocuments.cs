using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>Documents of a case (metadata, and the bytes in their own table) and requests for more information.</summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121150000_CaseDocuments")]
public sealed class CaseDocuments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "case_documents",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                kind = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                size_bytes = table.Column<long>(type: "bigint", nullable: false),
                sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                confidential = table.Column<bool>(type: "boolean", nullable: false),
                added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_documents", x => x.id);
                table.ForeignKey("fk_case_documents_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_case_documents_case_id_added_at", "case_documents", ["case_id", "added_at"]);

        migrationBuilder.CreateTable(
            name: "case_document_contents",
            columns: table => new
            {
                document_id = table.Column<Guid>(type: "uuid", nullable: false),
                content = table.Column<byte[]>(type: "bytea", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_document_contents", x => x.document_id);
                table.ForeignKey("fk_case_document_contents_case_documents_document_id", x => x.document_id, "case_documents", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "information_requests",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                reply_by = table.Column<DateOnly>(type: "date", nullable: false),
                requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_information_requests", x => x.id);
                table.ForeignKey("fk_information_requests_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_information_requests_case_id_requested_at", "information_requests", ["case_id", "requested_at"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("information_requests");
        migrationBuilder.DropTable("case_document_contents");
        migrationBuilder.DropTable("case_documents");
    }
}
