namespace SkoleskyssSak.Domain.Auditing;

/// <summary>
/// One append-only audit record: who did what to which object, when. Every read and change of a case
/// is audited (DESIGN.md §6), as are sign-ins. Never carries a fødselsnummer: <see cref="ActorId"/> is an
/// internal pseudonymous id.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
        ActorId = string.Empty;
        ActorKind = string.Empty;
        Action = string.Empty;
        ObjectType = string.Empty;
    }

    public AuditEvent(DateTimeOffset occurredAt, string actorId, string actorKind, string action, string objectType, string? objectId, string? traceId)
    {
        OccurredAt = occurredAt;
        ActorId = actorId;
        ActorKind = actorKind;
        Action = action;
        ObjectType = objectType;
        ObjectId = objectId;
        TraceId = traceId;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string ActorId { get; private set; }

    /// <summary>Staff, Citizen, Anonymous or System.</summary>
    public string ActorKind { get; private set; }

    public string Action { get; private set; }

    public string ObjectType { get; private set; }

    public string? ObjectId { get; private set; }

    public string? TraceId { get; private set; }
}
