using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Infrastructure.Persistence;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>
/// A decided case appealed, reviewed and forwarded to an appeal body, written through the domain (the first instance's
/// forwarding has its own handler and specs).
/// </summary>
public static class ForwardedCases
{
    public const string AppealText = "Vegen har fortau bare på en del av strekningen.";

    public static async Task ForwardAsync(AppDbContext db, Guid caseId, string bodyCode, int step)
    {
        var now = DateTimeOffset.UtcNow;
        var today = Domain.Time.NorwegianTime.Today(now);
        var caseworker = new CaseActor("caseworker", CaseActorRole.Caseworker);
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        var decision = await db.Decisions.Where(d => d.CaseId == caseId && d.Status == DecisionStatus.Issued).SingleAsync();
        var appeal = Appeal.Register(Guid.CreateVersion7(), caseId, decision.Id, AppealChannel.Email, AppealText, today, null, today, "caseworker", now);
        db.Appeals.Add(appeal);
        foreach (var trigger in new[] { CaseTrigger.ReceiveAppeal, CaseTrigger.StartFirstInstanceReview, CaseTrigger.ForwardToAppealBody })
        {
            var moved = @case.Apply(trigger, caseworker, now);
            Assert.True(moved.Succeeded, moved.Reason);
        }

        db.AppealForwardings.Add(AppealForwarding.Forward(Guid.CreateVersion7(), caseId, appeal.Id, bodyCode, step, "Kommunen opprettholder vedtaket: vegen har fortau.", today.AddDays(14), "caseworker", now));
        await db.SaveChangesAsync();
    }
}
