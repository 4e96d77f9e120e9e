namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// The one audit writer: records reads and changes of personal data, and sign-ins (DESIGN.md §6). A change's record
/// is added to the command's unit of work, so it commits in the same transaction as the change it describes; a
/// read's or a sign-in's record has no change to ride with and is written at once, in its own unit of work.
/// </summary>
public interface IAuditTrail
{
    /// <summary>The current actor did <paramref name="action"/> to an object.</summary>
    void Record(string action, string objectType, string? objectId);

    /// <summary>
    /// Background work did <paramref name="action"/>, with no person acting: recorded with actor kind System and
    /// <paramref name="systemActorId"/> naming the job (e.g. "interim-reply-job").
    /// </summary>
    void RecordSystem(string systemActorId, string action, string objectType, string? objectId);

    /// <summary>
    /// The current actor read an object: written at once in its own unit of work (the pipeline's read audit,
    /// ReadAuditBehavior; query handlers never save).
    /// </summary>
    Task RecordNowAsync(string action, string objectType, string? objectId, CancellationToken cancellationToken);

    /// <summary>
    /// A person signed in; before the sign-in completes there is no current actor, so it is given. Written at once in
    /// its own unit of work.
    /// </summary>
    Task RecordSignInAsync(string actorId, string actorKind, string method, CancellationToken cancellationToken);
}
