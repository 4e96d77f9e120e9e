using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>The appeal a guardian may withdraw: the latest, not withdrawn, while the state machine lets a guardian withdraw it.</summary>
internal static class AppealWithdrawal
{
    public static async Task<Appeal?> PendingAppealAsync(IApplicationDbContext db, SchoolTransportCase @case, bool tracking, CancellationToken cancellationToken)
    {
        if (!@case.PermittedTriggers(CaseActorRole.Guardian).Contains(CaseTrigger.WithdrawAppeal))
        {
            return null;
        }

        var appeals = tracking ? db.Appeals : db.Appeals.AsNoTracking();
        var appeal = await appeals.Where(a => a.CaseId == @case.Id).OrderByDescending(a => a.RegisteredAt).FirstOrDefaultAsync(cancellationToken);
        return appeal is { IsWithdrawn: false } ? appeal : null;
    }
}
