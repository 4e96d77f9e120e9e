using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>A home of the parent's case that was sent to the county: when, to which unit, and whether the whole case went.</summary>
public sealed record MyReferral(int HomeIndex, string HomeAddress, DateTimeOffset ReferredAt, string UnitName, bool WholeCase);

/// <summary>"Mine saker": what of the case was sent to the county (issue 11). Nothing for anyone but a party.</summary>
public sealed record GetMyReferralsQuery(Guid CaseId, string PartyPseudonym) : IQuery<IReadOnlyList<MyReferral>>;

public sealed class GetMyReferralsHandler(IApplicationDbContext db) : IQueryHandler<GetMyReferralsQuery, IReadOnlyList<MyReferral>>
{
    public async ValueTask<IReadOnlyList<MyReferral>> Handle(GetMyReferralsQuery query, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return [];
        }

        var referred = await db.HomeDistances.AsNoTracking().Where(d => d.CaseId == query.CaseId && d.ReferredAt != null).OrderBy(d => d.HomeIndex).ToListAsync(cancellationToken);
        if (referred.Count == 0)
        {
            return [];
        }

        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == query.CaseId, cancellationToken);
        var county = await db.Municipalities.AsNoTracking().Where(m => m.Number == @case.MunicipalityNumber).Select(m => m.County).SingleAsync(cancellationToken);
        var unit = await db.CountyTransportUnits.AsNoTracking().Where(u => u.County == county).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken);
        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == query.CaseId, cancellationToken)).Content;
        var whole = @case.State == CaseState.ReferredToCounty;
        return referred.Where(d => d.HomeIndex < form.Homes.Count).Select(d =>
        {
            var home = form.Homes[d.HomeIndex];
            return new MyReferral(d.HomeIndex, $"{home.Address}, {home.PostalCode} {home.Place}", d.ReferredAt!.Value, unit ?? county, whole);
        }).ToList();
    }
}
