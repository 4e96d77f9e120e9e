using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Municipalities;

public sealed record ListSchoolsQuery(string MunicipalityNumber) : IQuery<IReadOnlyList<SchoolOption>>;

public sealed record SchoolOption(Guid Id, string Name);

/// <summary>A municipality's schools by name, for the application's child step.</summary>
public sealed class ListSchoolsHandler(IApplicationDbContext db) : IQueryHandler<ListSchoolsQuery, IReadOnlyList<SchoolOption>>
{
    public async ValueTask<IReadOnlyList<SchoolOption>> Handle(ListSchoolsQuery query, CancellationToken cancellationToken) =>
        await MunicipalitySchools.OfMunicipality(db, query.MunicipalityNumber).ToListAsync(cancellationToken);
}
