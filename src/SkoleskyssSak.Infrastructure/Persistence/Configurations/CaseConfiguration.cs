using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Infrastructure.Cases;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<SchoolTransportCase>
{
    public void Configure(EntityTypeBuilder<SchoolTransportCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.MunicipalityNumber).HasMaxLength(4);
        builder.Property(c => c.CaseNumber)
            .HasConversion(n => n == null ? null : n.ToString(), s => s == null ? null : CaseNumber.Parse(s))
            .HasMaxLength(10);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityNumber).OnDelete(DeleteBehavior.Restrict);

        // The case number is unique within a municipality (drafts have none yet).
        builder.HasIndex(c => new { c.MunicipalityNumber, c.CaseNumber }).IsUnique().HasFilter("case_number IS NOT NULL");
        builder.HasIndex(c => new { c.MunicipalityNumber, c.State });

        // The work queue (issue 5) filters and sorts on real columns, copied from the søknad at submission.
        builder.HasOne<School>().WithMany().HasForeignKey(c => c.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.AssignedTo).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_cases_submitted_facts",
            "state = 'Draft' OR (school_id IS NOT NULL AND grade IS NOT NULL AND submitted_at IS NOT NULL AND due_date IS NOT NULL)"));
        // Keyset paging: one index per sort key, after the equality columns (municipality, state), ending in id.
        builder.HasIndex(c => new { c.MunicipalityNumber, c.State, c.DueDate, c.Id }).HasDatabaseName("ix_cases_queue_due_date");
        builder.HasIndex(c => new { c.MunicipalityNumber, c.State, c.SubmittedAt, c.Id }).HasDatabaseName("ix_cases_queue_submitted_at");
        builder.HasIndex(c => new { c.MunicipalityNumber, c.State, c.CaseNumber, c.Id }).HasDatabaseName("ix_cases_queue_case_number");
        // "Mine": a caseworker's own cases, by due date.
        builder.HasIndex(c => new { c.MunicipalityNumber, c.AssignedTo, c.State, c.DueDate, c.Id }).HasDatabaseName("ix_cases_queue_assigned_to");
        builder.HasIndex(c => c.SchoolId);

        // The interim reply job (fvl. § 11 a) looks for undecided cases without one, oldest first.
        builder.HasIndex(c => c.SubmittedAt)
            .HasDatabaseName("ix_cases_interim_reply_pending")
            .HasFilter("interim_reply_sent_at IS NULL AND state IN ('Submitted', 'InAssessment', 'AwaitingInformation')");

        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("events");
        builder.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("assignments");
        builder.HasOptimisticConcurrency();
    }
}

/// <summary>Case events are append-only: the history of who moved the case from where to where, and why.</summary>
internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.From).HasColumnName("from_state").HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.To).HasColumnName("to_state").HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Trigger).HasConversion<string>().HasMaxLength(48);
        builder.Property(e => e.Reason).HasMaxLength(SchoolTransportCase.MaxReasonLength);
        builder.Property(e => e.RulebookVersion).HasMaxLength(32);
        builder.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
    }
}

/// <summary>Who assigned a case to whom and when; append-only like the events.</summary>
internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> builder)
    {
        builder.ToTable("case_assignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.AssignedById).HasMaxLength(100);
        builder.HasIndex(a => new { a.CaseId, a.Sequence }).IsUnique();
    }
}

internal sealed class CaseNumberSequenceConfiguration : IEntityTypeConfiguration<CaseNumberSequence>
{
    public void Configure(EntityTypeBuilder<CaseNumberSequence> builder)
    {
        builder.ToTable("case_number_sequences");
        builder.HasKey(s => new { s.MunicipalityNumber, s.Year });
        builder.Property(s => s.MunicipalityNumber).HasMaxLength(4);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityNumber).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The journal of a case; entries are never deleted.</summary>
internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("journal_entries");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.PublicTitle).HasMaxLength(JournalEntry.MaxTitleLength);
        builder.Property(j => j.Title).HasMaxLength(JournalEntry.MaxTitleLength);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(j => new { j.CaseId, j.RegisteredAt });
    }
}

/// <summary>The søknad of a case as one jsonb document, with the applicant's pseudonym for access checks.</summary>
internal sealed class CaseApplicationConfiguration : IEntityTypeConfiguration<CaseApplication>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = CreateJsonOptions();

    public void Configure(EntityTypeBuilder<CaseApplication> builder)
    {
        builder.ToTable("applications");
        builder.HasKey(a => a.CaseId);
        builder.Property(a => a.CaseId).ValueGeneratedNever();
        builder.Property(a => a.ApplicantPseudonym).HasMaxLength(CaseApplication.MaxPseudonymLength);
        builder.Property(a => a.Content)
            .HasColumnType("jsonb")
            .HasConversion(
                f => System.Text.Json.JsonSerializer.Serialize(f, Json),
                s => System.Text.Json.JsonSerializer.Deserialize<ApplicationForm>(s, Json) ?? ApplicationForm.Empty,
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<ApplicationForm>(
                    (a, b) => System.Text.Json.JsonSerializer.Serialize(a, Json) == System.Text.Json.JsonSerializer.Serialize(b, Json),
                    f => System.Text.Json.JsonSerializer.Serialize(f, Json).GetHashCode(StringComparison.Ordinal),
                    f => System.Text.Json.JsonSerializer.Deserialize<ApplicationForm>(System.Text.Json.JsonSerializer.Serialize(f, Json), Json)!));
        builder.HasOne<SchoolTransportCase>().WithOne().HasForeignKey<CaseApplication>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ApplicantPseudonym);
        builder.HasOptimisticConcurrency();
    }

    private static System.Text.Json.JsonSerializerOptions CreateJsonOptions()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}

/// <summary>Who is a party to which case (by pseudonym): what "Mine saker" lists.</summary>
internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> builder)
    {
        builder.ToTable("case_parties");
        builder.HasKey(p => new { p.CaseId, p.PartyPseudonym });
        builder.Property(p => p.PartyPseudonym).HasMaxLength(CaseApplication.MaxPseudonymLength);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.PartyPseudonym);
    }
}
