using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Municipalities;

public sealed record ListMunicipalitiesQuery;

public sealed record MunicipalitySummary(string Number, string Name, string County, LanguageForm LanguageForm);

/// <summary>The municipalities that use the service, for the front page and pickers.</summary>
public sealed class ListMunicipalitiesHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<MunicipalitySummary>> HandleAsync(ListMunicipalitiesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await db.Municipalities
            .AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new MunicipalitySummary(m.Number, m.Name, m.County, m.LanguageForm))
            .ToListAsync(cancellationToken);
    }
}
