using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("municipalities");
        builder.HasKey(m => m.Number);
        builder.Property(m => m.Number).HasMaxLength(4);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.County).HasMaxLength(100);
        builder.Property(m => m.PostalAddress).HasMaxLength(500);
        builder.Property(m => m.LanguageForm).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.HandlingUnit).HasMaxLength(Municipality.MaxHandlingUnitLength);
        builder.HasOptimisticConcurrency();
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.ToTable("schools");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.MunicipalityNumber).HasMaxLength(4);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.MunicipalityNumber, s.Name }).IsUnique();
        builder.HasOptimisticConcurrency();
    }
}

internal sealed class AppealBodyConfiguration : IEntityTypeConfiguration<AppealBody>
{
    public void Configure(EntityTypeBuilder<AppealBody> builder)
    {
        builder.ToTable("appeal_bodies");
        builder.HasKey(b => b.Code);
        builder.Property(b => b.Code).HasMaxLength(64);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.PostalAddress).HasMaxLength(500);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasOptimisticConcurrency();
    }
}
