using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class RulebookVersionConfiguration : IEntityTypeConfiguration<RulebookVersion>
{
    public void Configure(EntityTypeBuilder<RulebookVersion> builder)
    {
        builder.ToTable("rulebook_versions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.MunicipalityNumber).HasMaxLength(4);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Content).HasColumnType("jsonb");
        builder.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MunicipalityNumber, r.Version }).IsUnique();
        builder.HasIndex(r => new { r.MunicipalityNumber, r.Status });
        builder.HasOptimisticConcurrency();
    }
}
