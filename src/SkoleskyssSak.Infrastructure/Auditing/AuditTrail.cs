using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Auditing;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Auditing;

/// <summary>
/// Adds a change's audit record to the request's unit of work (it commits with the change it describes); writes a
/// read's or a sign-in's at once through a context of its own, so nothing else the request tracks is saved with it.
/// </summary>
public sealed class AuditTrail(AppDbContext db, DbContextOptions<AppDbContext> options, ICurrentActor actor, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string objectType, string? objectId) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.ActorId, actor.ActorKind, action, objectType, objectId, actor.TraceId));

    public void RecordSystem(string systemActorId, string action, string objectType, string? objectId) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), systemActorId, "System", action, objectType, objectId, actor.TraceId));

    public Task RecordNowAsync(string action, string objectType, string? objectId, CancellationToken cancellationToken) =>
        WriteNowAsync(new AuditEvent(clock.GetUtcNow(), actor.ActorId, actor.ActorKind, action, objectType, objectId, actor.TraceId), cancellationToken);

    public Task RecordSignInAsync(string actorId, string actorKind, string method, CancellationToken cancellationToken) =>
        WriteNowAsync(new AuditEvent(clock.GetUtcNow(), actorId, actorKind, "SignIn", "Session", method, actor.TraceId), cancellationToken);

    private async Task WriteNowAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await using var own = new AppDbContext(options);
        own.AuditEvents.Add(auditEvent);
        await own.SaveChangesAsync(cancellationToken);
    }
}
