using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Infrastructure.Persistence.Configurations;

/// <summary>
/// One assessment per case; the objective and subjective parts are immutable records stored as jsonb (replaced
/// whole on every change). xmin guards against two caseworkers saving at the same moment; the domain's revision
/// against saving on top of a newer revision than the one the form was loaded with.
/// </summary>
internal sealed class CaseAssessmentConfiguration : IEntityTypeConfiguration<CaseAssessment>
{
    public void Configure(EntityTypeBuilder<CaseAssessment> builder)
    {
        builder.ToTable("case_assessments");
        builder.HasKey(a => a.CaseId);
        builder.Property(a => a.CaseId).ValueGeneratedNever();
        builder.Property(a => a.Objective).HasJsonb();
        builder.Property(a => a.Subjective).HasJsonb();
        builder.Property(a => a.UpdatedBy).HasMaxLength(100);
        builder.HasOne<SchoolTransportCase>().WithOne().HasForeignKey<CaseAssessment>(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOptimisticConcurrency();
    }
}

internal static class JsonbProperty
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    /// <summary>Stores an immutable record as one jsonb document (enums by name), compared by its JSON.</summary>
    public static PropertyBuilder<T?> HasJsonb<T>(this PropertyBuilder<T?> property)
        where T : class =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                s => JsonSerializer.Deserialize<T>(s, Json),
                new ValueComparer<T?>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => v));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
