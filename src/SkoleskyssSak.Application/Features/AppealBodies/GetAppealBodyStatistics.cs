using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The appeal body's figures per municipality: cases forwarded to it, its outcomes, and how long it took.</summary>
public sealed record GetAppealBodyStatisticsQuery(string BodyCode) : IQuery<IReadOnlyList<AppealBodyMunicipalityFigures>>;

/// <param name="MedianDays">Median days from forwarding to the body's decision, over the decided steps (not those closed
/// because the appeal was withdrawn); null when none.</param>
public sealed record AppealBodyMunicipalityFigures(string MunicipalityName, int Forwarded, int Open, IReadOnlyDictionary<AppealBodyOutcome, int> Outcomes, double? MedianDays);

public sealed class GetAppealBodyStatisticsHandler(IApplicationDbContext db) : IQueryHandler<GetAppealBodyStatisticsQuery, IReadOnlyList<AppealBodyMunicipalityFigures>>
{
    public async ValueTask<IReadOnlyList<AppealBodyMunicipalityFigures>> Handle(GetAppealBodyStatisticsQuery query, CancellationToken cancellationToken)
    {
        var steps = await (from f in db.AppealForwardings.AsNoTracking()
                           where f.BodyCode == query.BodyCode
                           join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
                           join m in db.Municipalities.AsNoTracking() on c.MunicipalityNumber equals m.Number
                           select new { Municipality = m.Name, f.Outcome, f.ForwardedAt, f.DecidedAt })
            .ToListAsync(cancellationToken);
        return steps.GroupBy(s => s.Municipality).OrderBy(g => g.Key, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"), ignoreCase: false))
            .Select(g => new AppealBodyMunicipalityFigures(
                g.Key,
                g.Count(),
                g.Count(s => s.Outcome is null),
                g.Where(s => s.Outcome is not null).GroupBy(s => s.Outcome!.Value).ToDictionary(o => o.Key, o => o.Count()),
                // A withdrawn appeal (issue 11) closed the step, but the body decided nothing: not in the median.
                Median(g.Where(s => s.DecidedAt is not null && s.Outcome != AppealBodyOutcome.Withdrawn).Select(s => (s.DecidedAt!.Value - s.ForwardedAt).TotalDays).ToList())))
            .ToList();
    }

    public static double? Median(List<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
