namespace SkoleskyssSak.Domain.Cases;

/// <summary>Who may trigger a transition. Staff roles map onto these in the Application layer.</summary>
public enum CaseActorRole
{
    /// <summary>A guardian (foresatt) who is a party to the case.</summary>
    Guardian = 0,

    /// <summary>A caseworker (saksbehandler) of the case's municipality, acting for the first instance.</summary>
    Caseworker = 1,

    /// <summary>A member of the appeal body (klageinstans) the case has been forwarded to.</summary>
    AppealBody = 2,

    /// <summary>The system itself: a background job or an automatic consequence of another step.</summary>
    System = 3,
}

/// <summary>
/// The actor of a transition: a pseudonymous id (a citizen's <c>c-…</c> pseudonym, a staff user id, or a system job
/// name; ADR 0004) and the role the actor acts in. Never a fødselsnummer: an id with a run of exactly 11 digits is rejected.
/// </summary>
public sealed record CaseActor
{
    public CaseActor(string id, CaseActorRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (ContainsElevenDigitRun(id))
        {
            throw new ArgumentException("An actor id must be pseudonymous; it must not contain a fødselsnummer.", nameof(id));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown actor role.");
        }

        Id = id;
        Role = role;
    }

    public string Id { get; }

    public CaseActorRole Role { get; }

    public static CaseActor System(string jobName) => new(jobName, CaseActorRole.System);

    /// <summary>
    /// A run of exactly eleven digits (the shape of a fødselsnummer), as the log scrubber sees it. Longer runs are
    /// not a fødselsnummer: a staff user's id is a Guid, whose last group may be twelve digits.
    /// </summary>
    private static bool ContainsElevenDigitRun(string value)
    {
        var run = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                run++;
                continue;
            }

            if (run == 11)
            {
                return true;
            }

            run = 0;
        }

        return false;
    }
}
