namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Who is acting in the current request. <see cref="ActorId"/> is pseudonymous (a staff user id or the
/// hash-derived citizen id), never a fødselsnummer, so it may be written to audit records and logs.
/// </summary>
public interface ICurrentActor
{
    string ActorId { get; }

    /// <summary>Staff, Citizen or Anonymous (System for background work).</summary>
    string ActorKind { get; }

    string? TraceId { get; }
}
