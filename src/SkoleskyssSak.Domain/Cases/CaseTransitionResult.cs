namespace SkoleskyssSak.Domain.Cases;

/// <summary>Why a transition was refused; maps to an HTTP status in the Web layer (like Altinn's process engine).</summary>
public enum CaseTransitionErrorType
{
    /// <summary>The trigger is not permitted from the case's current state (409).</summary>
    Conflict = 0,

    /// <summary>The transition exists, but the actor's role may not trigger it (403).</summary>
    Forbidden = 1,

    /// <summary>The transition needs something the actor did not give: a reason or the rulebook version (400).</summary>
    BadRequest = 2,
}

/// <summary>
/// The outcome of <see cref="SchoolTransportCase.Apply"/>: succeeded with the one event appended, or refused with a
/// Norwegian reason (Nynorsk / Bokmål) and the legal reference; a refused step changes nothing and throws nothing.
/// </summary>
public sealed record CaseTransitionResult
{
    private CaseTransitionResult(CaseEvent? caseEvent, CaseTransitionErrorType? errorType, string? reason, string? legalReference)
    {
        Event = caseEvent;
        ErrorType = errorType;
        Reason = reason;
        LegalReference = legalReference;
    }

    public bool Succeeded => ErrorType is null;

    /// <summary>The event appended by a successful transition.</summary>
    public CaseEvent? Event { get; }

    public CaseTransitionErrorType? ErrorType { get; }

    /// <summary>Why it was refused, in Norwegian ("Nynorsk / Bokmål").</summary>
    public string? Reason { get; }

    /// <summary>The legal reference behind the refusal, e.g. <c>fvl. § 35</c>.</summary>
    public string? LegalReference { get; }

    public static CaseTransitionResult Success(CaseEvent caseEvent)
    {
        return new(caseEvent, null, null, null);
    }

    public static CaseTransitionResult Refused(CaseTransitionErrorType errorType, string reason, string? legalReference) =>
        new(null, errorType, reason, legalReference);
}
