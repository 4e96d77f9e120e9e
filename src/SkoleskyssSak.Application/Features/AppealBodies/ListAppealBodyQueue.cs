using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The cases an appeal body has (open forwardings to it), and those it decided lately.</summary>
public sealed record ListAppealBodyQueueQuery(string BodyCode) : IQuery<AppealBodyWorklist?>;

public sealed record AppealBodyQueueItem(
    Guid CaseId,
    CaseNumber? CaseNumber,
    string MunicipalityName,
    string? SchoolName,
    DateTimeOffset ForwardedAt,
    DateOnly CommentDeadline,
    int Step,
    AppealBodyOutcome? Outcome,
    DateTimeOffset? DecidedAt);

public sealed record AppealBodyWorklist(string BodyName, IReadOnlyList<AppealBodyQueueItem> Open, IReadOnlyList<AppealBodyQueueItem> RecentlyDecided);

public sealed class ListAppealBodyQueueHandler(IApplicationDbContext db) : IQueryHandler<ListAppealBodyQueueQuery, AppealBodyWorklist?>
{
    /// <summary>How many decided cases the queue shows under "recently decided".</summary>
    public const int RecentCount = 50;

    public async ValueTask<AppealBodyWorklist?> Handle(ListAppealBodyQueueQuery query, CancellationToken cancellationToken)
    {
        var body = await db.AppealBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == query.BodyCode, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var rows = from f in db.AppealForwardings.AsNoTracking()
                   where f.BodyCode == query.BodyCode
                   join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
                   join m in db.Municipalities.AsNoTracking() on c.MunicipalityNumber equals m.Number
                   join s in db.Schools.AsNoTracking() on c.SchoolId equals (Guid?)s.Id into schools
                   from s in schools.DefaultIfEmpty()
                   select new { f, c.CaseNumber, Municipality = m.Name, School = s == null ? null : s.Name };
        var open = await rows.Where(r => r.f.Outcome == null).OrderBy(r => r.f.ForwardedAt)
            .Select(r => new AppealBodyQueueItem(r.f.CaseId, r.CaseNumber, r.Municipality, r.School, r.f.ForwardedAt, r.f.CommentDeadline, r.f.Step, r.f.Outcome, r.f.DecidedAt))
            .ToListAsync(cancellationToken);
        var decided = await rows.Where(r => r.f.Outcome != null).OrderByDescending(r => r.f.DecidedAt).Take(RecentCount)
            .Select(r => new AppealBodyQueueItem(r.f.CaseId, r.CaseNumber, r.Municipality, r.School, r.f.ForwardedAt, r.f.CommentDeadline, r.f.Step, r.f.Outcome, r.f.DecidedAt))
            .ToListAsync(cancellationToken);
        return new AppealBodyWorklist(body.Name, open, decided);
    }
}
