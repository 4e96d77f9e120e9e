using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Auditing;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Auditing;

/// <summary>Adds audit records to the request's unit of work; they commit with the change they describe.</summary>
public sealed class AuditTrail(AppDbContext db, ICurrentActor actor, TimeProvider clock) : IAuditTrail
{
    public void Record(string action, string objectType, string? objectId) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor.ActorId, actor.ActorKind, action, objectType, objectId, actor.TraceId));

    public void RecordSystem(string systemActorId, string action, string objectType, string? objectId) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), systemActorId, "System", action, objectType, objectId, actor.TraceId));

    public void RecordSignIn(string actorId, string actorKind, string method) =>
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actorId, actorKind, "SignIn", "Session", method, actor.TraceId));
}
