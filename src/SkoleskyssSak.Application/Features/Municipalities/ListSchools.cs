using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Municipalities;

public sealed record ListSchoolsQuery(string MunicipalityNumber);

public sealed record SchoolOption(Guid Id, string Name);

/// <summary>A municipality's schools by name, for the application's child step.</summary>
public sealed class ListSchoolsHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<SchoolOption>> HandleAsync(ListSchoolsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await OfMunicipality(db, query.MunicipalityNumber).ToListAsync(cancellationToken);
    }

    /// <summary>The one query for a municipality's schools by name; the work queue's school filter uses it too.</summary>
    internal static IQueryable<SchoolOption> OfMunicipality(IApplicationDbContext db, string municipalityNumber) =>
        db.Schools
            .AsNoTracking()
            .Where(s => s.MunicipalityNumber == municipalityNumber)
            .OrderBy(s => s.Name)
            .Select(s => new SchoolOption(s.Id, s.Name));
}
