namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Records reads and changes of personal data, and sign-ins. The record is added to the current unit of work,
/// so it is committed in the same transaction as the change it describes (DESIGN.md §6).
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

    /// <summary>A person signed in; before the sign-in completes there is no current actor, so it is given.</summary>
    void RecordSignIn(string actorId, string actorKind, string method);
}
