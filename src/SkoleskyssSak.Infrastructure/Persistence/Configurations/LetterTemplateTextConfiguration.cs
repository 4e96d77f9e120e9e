using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

/// <summary>A municipality's own wording of the decision letter's notice texts (fvl. § 27), one row per text.</summary>
internal sealed class LetterTemplateTextConfiguration : IEntityTypeConfiguration<LetterTemplateText>
{
    public void Configure(EntityTypeBuilder<LetterTemplateText> builder)
    {
        builder.ToTable("letter_template_texts");
        builder.HasKey(t => new { t.MunicipalityNumber, t.Key });
        builder.Property(t => t.MunicipalityNumber).HasMaxLength(4);
        builder.Property(t => t.Key).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Text).HasMaxLength(NoticeTextRules.MaxLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityNumber).OnDelete(DeleteBehavior.Restrict);
        builder.HasOptimisticConcurrency();
    }
}
