using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SkoleskyssSak.Infrastructure.Persistence;

internal static class OptimisticConcurrency
{
    /// <summary>
    /// Uses PostgreSQL's system column <c>xmin</c> (changed by every update) as the concurrency token of an
    /// aggregate: a second writer with a stale row gets DbUpdateConcurrencyException, nothing is overwritten.
    /// xmin exists on every table, so neither EnsureCreated nor a migration creates a column for it.
    /// </summary>
    public static EntityTypeBuilder<T> HasOptimisticConcurrency<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        builder.Property<uint>("RowVersion").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        return builder;
    }
}
