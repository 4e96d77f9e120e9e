using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
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

/// <summary>The steps of an appeal up the chain; a body's queue is its open steps.</summary>
internal sealed class AppealForwardingConfiguration : IEntityTypeConfiguration<AppealForwarding>
{
    public void Configure(EntityTypeBuilder<AppealForwarding> builder)
    {
        builder.ToTable("appeal_forwardings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.BodyCode).HasMaxLength(64);
        builder.Property(f => f.Assessment).HasMaxLength(AppealForwarding.MaxTextLength);
        builder.Property(f => f.ForwardedBy).HasMaxLength(100);
        builder.Property(f => f.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.DecidedBy).HasMaxLength(100);
        builder.Property(f => f.Resolution).HasMaxLength(AppealForwarding.MaxTextLength);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Appeal>().WithMany().HasForeignKey(f => f.AppealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppealBody>().WithMany().HasForeignKey(f => f.BodyCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.BodyCode, f.Outcome, f.ForwardedAt });
        builder.HasIndex(f => new { f.CaseId, f.Step });
        builder.HasOptimisticConcurrency();
    }
}
