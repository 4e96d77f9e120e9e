using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("sign_in_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UserKind).HasMaxLength(16);
        builder.Property(s => s.Subject).HasMaxLength(SignInSession.MaxSubjectLength);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(SignInSession.MaxProviderSessionIdLength);

        // Ending every session of a user; removing lapsed rows.
        builder.HasIndex(s => s.Subject);
        builder.HasIndex(s => s.ExpiresAt);

        // ID-porten's front-channel logout names its session, not ours.
        builder.HasIndex(s => s.ProviderSessionId);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> builder)
    {
        builder.ToTable("sign_in_throttles");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(SignInThrottle.MaxIdLength).ValueGeneratedNever();
        builder.HasIndex(t => t.LastFailureAt);
    }
}
