using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Municipalities;

/// <summary>The one query for a municipality's schools by name: the application's child step and the work queue's school filter use it.</summary>
internal static class MunicipalitySchools
{
    public static IQueryable<SchoolOption> OfMunicipality(IApplicationDbContext db, string municipalityNumber) =>
        db.Schools
            .AsNoTracking()
            .Where(s => s.MunicipalityNumber == municipalityNumber)
            .OrderBy(s => s.Name)
            .Select(s => new SchoolOption(s.Id, s.Name));
}
