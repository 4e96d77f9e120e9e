using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.MunicipalityNumber).HasMaxLength(4);
        builder.Property(u => u.AppealBodyCode).HasMaxLength(64);
        builder.HasIndex(u => u.MunicipalityNumber);

        // Identity names these indexes explicitly (UserNameIndex, EmailIndex), and EFCore.NamingConventions leaves
        // explicit names alone: the snake_case names the Initial migration created are set here.
        builder.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
    }
}

internal sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder)
    {
        builder.ToTable("staff_roles");
        builder.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index"); // Identity's explicit RoleNameIndex
    }
}

internal sealed class StaffUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> builder) => builder.ToTable("staff_user_roles");
}

internal sealed class StaffUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("staff_user_claims");
}

internal sealed class StaffUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("staff_user_logins");
}

internal sealed class StaffUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("staff_user_tokens");
}

internal sealed class StaffRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> builder) => builder.ToTable("staff_role_claims");
}
