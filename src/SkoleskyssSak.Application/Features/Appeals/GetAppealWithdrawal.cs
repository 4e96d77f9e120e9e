using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>What the parent is told before confirming a withdrawal.</summary>
public sealed record GetAppealWithdrawalQuery(Guid CaseId, string PartyPseudonym) : IQuery<AppealWithdrawalPreview?>;

/// <param name="AppealReceivedOn">When the pending appeal was received.</param>
/// <param name="DecisionDate">The day the decision appealed against was issued: it stands.</param>
/// <param name="AppealDeadline">The deadline for appealing that decision (fvl. § 29); a new appeal after it is late (fvl. § 31).</param>
/// <param name="DeadlinePassed">Today (Norwegian date) is after <paramref name="AppealDeadline"/>.</param>
/// <param name="AppealBodyName">The appeal body that has the case now and will be told; null while the municipality has it.</param>
public sealed record AppealWithdrawalPreview(DateOnly AppealReceivedOn, DateOnly DecisionDate, DateOnly AppealDeadline, bool DeadlinePassed, string? AppealBodyName);

/// <summary>The pending appeal a guardian may withdraw now; null when there is none (or the caller is no party).</summary>
public sealed class GetAppealWithdrawalHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetAppealWithdrawalQuery, AppealWithdrawalPreview?>
{
    public async ValueTask<AppealWithdrawalPreview?> Handle(GetAppealWithdrawalQuery query, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == query.CaseId, cancellationToken);
        var appeal = await AppealWithdrawal.PendingAppealAsync(db, @case, tracking: false, cancellationToken);
        if (appeal is null)
        {
            return null;
        }

        var decidedAt = await db.Decisions.AsNoTracking().Where(d => d.Id == appeal.DecisionId).Select(d => d.IssuedAt).SingleAsync(cancellationToken);
        var body = await db.AppealForwardings.AsNoTracking()
            .Where(f => f.CaseId == query.CaseId && f.Outcome == null)
            .Join(db.AppealBodies, f => f.BodyCode, b => b.Code, (f, b) => b.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return new AppealWithdrawalPreview(
            appeal.ReceivedOn,
            NorwegianTime.Today(decidedAt ?? appeal.RegisteredAt),
            appeal.Deadline,
            NorwegianTime.Today(clock.GetUtcNow()) > appeal.Deadline,
            body);
    }
}
