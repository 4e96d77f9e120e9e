using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

/// <summary>Document metadata; the bytes live in case_document_contents so that lists never load files.</summary>
internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.ToTable("case_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(48);
        builder.Property(d => d.FileName).HasMaxLength(CaseDocument.MaxFileNameLength);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.AddedBy).HasMaxLength(100);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.CaseId, d.AddedAt });
    }
}

internal sealed class CaseDocumentContentConfiguration : IEntityTypeConfiguration<CaseDocumentContent>
{
    public void Configure(EntityTypeBuilder<CaseDocumentContent> builder)
    {
        builder.ToTable("case_document_contents");
        builder.HasKey(c => c.DocumentId);
        builder.Property(c => c.DocumentId).ValueGeneratedNever();
        builder.Property(c => c.Content).HasColumnType("bytea");
        builder.HasOne<CaseDocument>().WithOne().HasForeignKey<CaseDocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        builder.ToTable("information_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Question).HasMaxLength(InformationRequest.MaxTextLength);
        builder.Property(r => r.Answer).HasMaxLength(InformationRequest.MaxTextLength);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.AnsweredBy).HasMaxLength(100);
        builder.HasOne<SchoolTransportCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.RequestedAt });
        builder.HasOptimisticConcurrency();
    }
}
