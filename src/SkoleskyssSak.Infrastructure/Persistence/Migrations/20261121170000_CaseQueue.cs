using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SkoleskyssSak.Infrastructure.Persistence.Migrations;

/// <summary>
/// The caseworkers' work queue (issue 5): school, grade, submission time, expected decision date and assigned
/// caseworker as real columns of a case (filled from the søknad for cases already submitted), the assignment history,
/// and indexes for keyset paging per sort key.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261121170000_CaseQueue")]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after its migration id; it is not a queue type.")]
public sealed class CaseQueue : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("school_id", "cases", type: "uuid", nullable: true);
        migrationBuilder.AddColumn<int>("grade", "cases", type: "integer", nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>("submitted_at", "cases", type: "timestamp with time zone", nullable: true);
        migrationBuilder.AddColumn<DateOnly>("due_date", "cases", type: "date", nullable: true);
        migrationBuilder.AddColumn<Guid>("assigned_to", "cases", type: "uuid", nullable: true);

        // Cases submitted before this migration: the facts from the søknad and the Submit event; the due date is the
        // default processing time of CaseDeadlines (8 weeks) from the Norwegian date of submission.
        migrationBuilder.Sql(
            """
            UPDATE cases c
            SET school_id = (a.content -> 'child' ->> 'schoolId')::uuid,
                grade = (a.content -> 'child' ->> 'grade')::integer,
                submitted_at = e.occurred_at,
                due_date = (e.occurred_at AT TIME ZONE 'Europe/Oslo')::date + 56
            FROM applications a, case_events e
            WHERE a.case_id = c.id AND e.case_id = c.id AND e.trigger = 'Submit' AND c.state <> 'Draft';
            """);

        migrationBuilder.AddCheckConstraint(
            "ck_cases_submitted_facts",
            "cases",
            "state = 'Draft' OR (school_id IS NOT NULL AND grade IS NOT NULL AND submitted_at IS NOT NULL AND due_date IS NOT NULL)");
        migrationBuilder.AddForeignKey("fk_cases_schools_school_id", "cases", "school_id", "schools", principalColumn: "id", onDelete: ReferentialAction.Restrict);
        migrationBuilder.AddForeignKey("fk_cases_staff_users_assigned_to", "cases", "assigned_to", "staff_users", principalColumn: "id", onDelete: ReferentialAction.Restrict);

        migrationBuilder.CreateTable(
            name: "case_assignments",
            columns: table => new
            {
                id = table.Column<Guid>(type: "uuid", nullable: false),
                case_id = table.Column<Guid>(type: "uuid", nullable: false),
                sequence = table.Column<int>(type: "integer", nullable: false),
                assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                assigned_by_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                previous_assignee = table.Column<Guid>(type: "uuid", nullable: true),
                assignee = table.Column<Guid>(type: "uuid", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_case_assignments", x => x.id);
                table.ForeignKey("fk_case_assignments_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("ix_case_assignments_case_id_sequence", "case_assignments", ["case_id", "sequence"], unique: true);
        migrationBuilder.CreateIndex("ix_cases_assigned_to", "cases", "assigned_to");
        migrationBuilder.CreateIndex("ix_cases_school_id", "cases", "school_id");
        migrationBuilder.CreateIndex("ix_cases_queue_due_date", "cases", ["municipality_number", "state", "due_date", "id"]);
        migrationBuilder.CreateIndex("ix_cases_queue_submitted_at", "cases", ["municipality_number", "state", "submitted_at", "id"]);
        migrationBuilder.CreateIndex("ix_cases_queue_case_number", "cases", ["municipality_number", "state", "case_number", "id"]);
        migrationBuilder.CreateIndex("ix_cases_queue_assigned_to", "cases", ["municipality_number", "assigned_to", "state", "due_date", "id"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("case_assignments");
        migrationBuilder.DropIndex("ix_cases_queue_assigned_to", "cases");
        migrationBuilder.DropIndex("ix_cases_queue_case_number", "cases");
        migrationBuilder.DropIndex("ix_cases_queue_submitted_at", "cases");
        migrationBuilder.DropIndex("ix_cases_queue_due_date", "cases");
        migrationBuilder.DropIndex("ix_cases_school_id", "cases");
        migrationBuilder.DropIndex("ix_cases_assigned_to", "cases");
        migrationBuilder.DropForeignKey("fk_cases_staff_users_assigned_to", "cases");
        migrationBuilder.DropForeignKey("fk_cases_schools_school_id", "cases");
        migrationBuilder.DropCheckConstraint("ck_cases_submitted_facts", "cases");
        migrationBuilder.DropColumn("assigned_to", "cases");
        migrationBuilder.DropColumn("due_date", "cases");
        migrationBuilder.DropColumn("submitted_at", "cases");
        migrationBuilder.DropColumn("grade", "cases");
        migrationBuilder.DropColumn("school_id", "cases");
    }
}
