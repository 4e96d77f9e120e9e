using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>One home of the søknad as the caseworker sees it: the guardian's estimate, the confirmed distance, the referral.</summary>
/// <param name="HomeIndex">Its position in the søknad (0: the first home).</param>
/// <param name="Confirmed">Null until a caseworker has confirmed the distance.</param>
/// <param name="BeyondLimit">The confirmed distance is beyond the grade's limit (a referral is possible).</param>
public sealed record HomeDistanceView(int HomeIndex, string Address, decimal EstimatedKm, HomeDistance? Confirmed, bool BeyondLimit);

/// <param name="LimitKm">The grade's distance limit (opplæringslova § 4-1 first paragraph).</param>
/// <param name="CanChange">The case is open for the municipality's handling (confirm and refer).</param>
public sealed record CaseHomeDistances(Guid CaseId, int Grade, decimal LimitKm, CaseState State, bool CanChange, IReadOnlyList<HomeDistanceView> Homes);

/// <summary>The homes of a case of the caseworker's municipality, with their confirmed distances and referrals.</summary>
public sealed record GetHomeDistancesQuery(Guid CaseId, string MunicipalityNumber) : IQuery<CaseHomeDistances?>;

public sealed class GetHomeDistancesHandler(IApplicationDbContext db) : IQueryHandler<GetHomeDistancesQuery, CaseHomeDistances?>
{
    public async ValueTask<CaseHomeDistances?> Handle(GetHomeDistancesQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId && c.MunicipalityNumber == query.MunicipalityNumber, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return null;
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == query.CaseId, cancellationToken)).Content;
        if (form.Child is null)
        {
            return null;
        }

        var confirmed = await db.HomeDistances.AsNoTracking().Where(d => d.CaseId == query.CaseId).ToDictionaryAsync(d => d.HomeIndex, cancellationToken);
        var grade = form.Child.Grade;
        var homes = form.Homes.Select((h, i) =>
        {
            var distance = confirmed.GetValueOrDefault(i);
            return new HomeDistanceView(i, $"{h.Address}, {h.PostalCode} {h.Place}", h.WalkingDistanceKm, distance, distance?.IsBeyondLimit(grade) ?? false);
        }).ToList();
        return new CaseHomeDistances(@case.Id, grade, DistanceEntitlement.LimitKm(grade), @case.State, HomeDistanceRules.IsOpen(@case.State), homes);
    }
}
