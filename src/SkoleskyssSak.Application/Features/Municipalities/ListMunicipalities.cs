using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Municipalities;

public sealed record ListMunicipalitiesQuery : IQuery<IReadOnlyList<MunicipalitySummary>>;

public sealed record MunicipalitySummary(string Number, string Name, string County, LanguageForm LanguageForm);

/// <summary>The municipalities that use the service, for the front page and pickers.</summary>
public sealed class ListMunicipalitiesHandler(IApplicationDbContext db) : IQueryHandler<ListMunicipalitiesQuery, IReadOnlyList<MunicipalitySummary>>
{
    public async ValueTask<IReadOnlyList<MunicipalitySummary>> Handle(ListMunicipalitiesQuery query, CancellationToken cancellationToken) =>
        await db.Municipalities
            .AsNoTracking()
            .OrderBy(m => m.Name)
            .Select(m => new MunicipalitySummary(m.Number, m.Name, m.County, m.LanguageForm))
            .ToListAsync(cancellationToken);
}
