using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>The appeals of a case and the deadline for appealing its latest decision, for a party or a caseworker of its municipality.</summary>
public sealed record GetAppealStatusQuery(Guid CaseId, string? PartyPseudonym, string? MunicipalityNumber) : IQuery<AppealStatus?>;

/// <param name="Text">What the appeal says (or the caseworker's summary of a paper appeal); empty when only a scan came.</param>
/// <param name="WithdrawnAt">When the appellant withdrew it (issue 11); null while it stands.</param>
public sealed record AppealView(Guid AppealId, AppealChannel Channel, DateOnly ReceivedOn, DateOnly? PostedOn, DateOnly NoticeReceivedOn, DateOnly Deadline, bool IsLate, LateAppealHandling? LateHandling, string Text = "", DateTimeOffset? WithdrawnAt = null);

/// <param name="Deadline">The deadline for appealing the latest issued decision (notice = the day it was issued), or null.</param>
/// <param name="CanAppeal">The case stands decided, so a new appeal can be received now.</param>
/// <param name="OpenForwarding">The appeal body that has the case now, and the deadline for comments to the forwarding letter.</param>
/// <param name="DeadlinePassed">Today (Norwegian date) is after <paramref name="Deadline"/>: an appeal now is late (fvl. § 31).</param>
/// <param name="CanWithdraw">The latest appeal is pending and not withdrawn, and the state machine lets a guardian withdraw it (issue 11).</param>
public sealed record AppealStatus(DateOnly? Deadline, bool CanAppeal, IReadOnlyList<AppealView> Appeals, OpenForwardingView? OpenForwarding = null, bool DeadlinePassed = false, bool CanWithdraw = false);

public sealed record OpenForwardingView(string BodyName, DateOnly CommentDeadline);

public sealed class GetAppealStatusHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetAppealStatusQuery, AppealStatus?>
{
    public async ValueTask<AppealStatus?> Handle(GetAppealStatusQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken);
        var allowed = @case is not null && (query.MunicipalityNumber is not null
            ? @case.MunicipalityNumber == query.MunicipalityNumber
            : await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken));
        if (!allowed)
        {
            return null;
        }

        var latest = await AppealFiling.LatestIssuedAsync(db, query.CaseId, cancellationToken);
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.CaseId == query.CaseId).OrderBy(a => a.RegisteredAt)
            .Select(a => new AppealView(a.Id, a.Channel, a.ReceivedOn, a.PostedOn, a.NoticeReceivedOn, a.Deadline, a.IsLate, a.LateHandling, a.Text, a.WithdrawnAt))
            .ToListAsync(cancellationToken);
        var deadline = latest?.IssuedAt is { } issued ? Domain.Deadlines.AppealDeadline.From(NorwegianTime.Today(issued)) : (DateOnly?)null;
        var open = @case!.State != CaseState.ForwardedToAppealBody ? null : await db.AppealForwardings.AsNoTracking()
            .Where(f => f.CaseId == query.CaseId && f.Outcome == null)
            .Join(db.AppealBodies, f => f.BodyCode, b => b.Code, (f, b) => new OpenForwardingView(b.Name, f.CommentDeadline))
            .FirstOrDefaultAsync(cancellationToken);
        var canWithdraw = appeals.Count > 0 && appeals[^1].WithdrawnAt is null && @case.PermittedTriggers(CaseActorRole.Guardian).Contains(CaseTrigger.WithdrawAppeal);
        return new AppealStatus(deadline, @case.State == CaseState.Decided && latest is not null, appeals, open, NorwegianTime.Today(clock.GetUtcNow()) > deadline, canWithdraw);
    }
}
