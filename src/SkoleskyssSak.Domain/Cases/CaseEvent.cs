namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// One append-only record of a state change of a case: who (pseudonymous id and role), when, from, to, by which
/// trigger, why, and the rulebook version applied (DESIGN.md §9). Created only by <see cref="SchoolTransportCase.Apply"/>.
/// </summary>
public sealed class CaseEvent
{
    private CaseEvent()
    {
        ActorId = string.Empty;
    }

    internal CaseEvent(
        Guid id,
        Guid caseId,
        int sequence,
        DateTimeOffset occurredAt,
        CaseActor actor,
        CaseState from,
        CaseState to,
        CaseTrigger trigger,
        string? reason,
        string? rulebookVersion)
    {
        Id = id;
        CaseId = caseId;
        Sequence = sequence;
        OccurredAt = occurredAt;
        ActorId = actor.Id;
        ActorRole = actor.Role;
        From = from;
        To = to;
        Trigger = trigger;
        Reason = reason;
        RulebookVersion = rulebookVersion;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>1 for the case's first event, then 2, 3, …: the order of events even when two share a timestamp.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>Pseudonymous actor id (ADR 0004); never a fødselsnummer.</summary>
    public string ActorId { get; private set; }

    public CaseActorRole ActorRole { get; private set; }

    public CaseState From { get; private set; }

    public CaseState To { get; private set; }

    public CaseTrigger Trigger { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>The rulebook version applied, as a label like <c>5028/v1</c>.</summary>
    public string? RulebookVersion { get; private set; }
}
