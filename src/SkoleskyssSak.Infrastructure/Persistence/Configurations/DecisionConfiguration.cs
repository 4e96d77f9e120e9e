using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

/// <summary>Decisions of a case; at most one draft at a time (partial unique index), issued ones are kept for ever.</summary>
internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Grounds).HasMaxLength(Decision.MaxGroundsLength);
        builder.Property(d => d.RulebookVersion).HasMaxLength(32);
        builder.Property(d => d.DraftedBy).HasMaxLength(100);
        builder.Property(d => d.IssuedBy).HasMaxLength(100);
        builder.Property(d => d.EditedBy).HasColumnType("text[]");
        builder.Property(d => d.AssessmentDeparture).HasMaxLength(Decision.MaxDepartureLength);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseDocument>().WithMany().HasForeignKey(d => d.LetterDocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseId).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_decisions_case_id_draft");
        builder.HasIndex(d => new { d.CaseId, d.IssuedAt });
        builder.HasOptimisticConcurrency();
    }
}
