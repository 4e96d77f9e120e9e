using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("Appeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Text).HasMaxLength(Appeal.MaxTextLength);
        builder.Property(a => a.LateHandling).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.LateHandlingReason).HasMaxLength(SchoolTransportCase.MaxReasonLength);
        builder.Property(a => a.RegisteredBy).HasMaxLength(100);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.RegisteredAt });
        builder.HasIndex(a => a.DecisionId);
        builder.HasOptimisticConcurrency();
    }
}
