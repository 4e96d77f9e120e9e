namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// One append-only record of who assigned a case to which caseworker, and when (issue 5: the work queue). Created only
/// by <see cref="SchoolTransportCase.AssignTo"/>; never changed or removed.
/// </summary>
public sealed class CaseAssignment
{
    private CaseAssignment()
    {
        AssignedById = string.Empty;
    }

    internal CaseAssignment(Guid id, Guid caseId, int sequence, DateTimeOffset assignedAt, string assignedById, Guid? previousAssignee, Guid assignee)
    {
        Id = id;
        CaseId = caseId;
        Sequence = sequence;
        AssignedAt = assignedAt;
        AssignedById = assignedById;
        PreviousAssignee = previousAssignee;
        Assignee = assignee;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>1 for the case's first assignment, then 2, 3, ….</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    /// <summary>The staff user id of the caseworker who assigned (pseudonymous, ADR 0004).</summary>
    public string AssignedById { get; private set; }

    /// <summary>Who had the case before, if anyone.</summary>
    public Guid? PreviousAssignee { get; private set; }

    /// <summary>The staff user id of the caseworker who has the case from now on.</summary>
    public Guid Assignee { get; private set; }
}

/// <summary>The outcome of <see cref="SchoolTransportCase.AssignTo"/>: the record appended, unchanged (already theirs), or refused.</summary>
public sealed record CaseAssignmentResult
{
    private CaseAssignmentResult(CaseAssignment? assignment, CaseTransitionErrorType? errorType, string? reason)
    {
        Assignment = assignment;
        ErrorType = errorType;
        Reason = reason;
    }

    public bool Succeeded => ErrorType is null;

    /// <summary>The record appended; null when the case already was the assignee's (nothing changed).</summary>
    public CaseAssignment? Assignment { get; }

    public CaseTransitionErrorType? ErrorType { get; }

    /// <summary>Why it was refused, in Norwegian ("Nynorsk / Bokmål").</summary>
    public string? Reason { get; }

    internal static CaseAssignmentResult Assigned(CaseAssignment assignment) => new(assignment, null, null);

    internal static CaseAssignmentResult Unchanged { get; } = new(null, null, null);

    internal static CaseAssignmentResult Refused(CaseTransitionErrorType errorType, string reason) => new(null, errorType, reason);
}
