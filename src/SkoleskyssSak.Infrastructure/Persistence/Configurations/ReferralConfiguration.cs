using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Referrals;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class HomeDistanceConfiguration : IEntityTypeConfiguration<HomeDistance>
{
    public void Configure(EntityTypeBuilder<HomeDistance> builder)
    {
        builder.ToTable("home_distances");
        builder.HasKey(d => new { d.CaseId, d.HomeIndex });
        builder.Property(d => d.HomeIndex).ValueGeneratedNever();
        builder.Property(d => d.ConfirmedKm).HasPrecision(6, 2);
        builder.Property(d => d.Source).HasMaxLength(HomeDistance.MaxSourceLength);
        builder.Property(d => d.ConfirmedBy).HasMaxLength(100);
        builder.Property(d => d.ReferredBy).HasMaxLength(100);
        builder.Ignore(d => d.IsReferred);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOptimisticConcurrency();
    }
}

internal sealed class CountyTransportUnitConfiguration : IEntityTypeConfiguration<CountyTransportUnit>
{
    public void Configure(EntityTypeBuilder<CountyTransportUnit> builder)
    {
        builder.ToTable("county_transport_units");
        builder.HasKey(u => u.County);
        builder.Property(u => u.County).HasMaxLength(100);
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.PostalAddress).HasMaxLength(500);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.HasOptimisticConcurrency();
    }
}
