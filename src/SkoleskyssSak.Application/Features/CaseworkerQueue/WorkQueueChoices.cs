using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.CaseworkerQueue;

/// <summary>
/// Whose queue it is: a caseworker (staff user id) of one municipality. The web layer builds it from the sign-in's
/// claims; a caseworker only ever sees and assigns cases of this municipality.
/// </summary>
public sealed record CaseworkerScope(Guid StaffUserId, string MunicipalityNumber);

public enum QueueSort
{
    DueDate = 0,
    Submitted = 1,
    CaseNumber = 2,
}

public enum AssigneeFilter
{
    Anyone = 0,
    Unassigned = 1,
    Mine = 2,
    Colleague = 3,
}

public enum DueFilter
{
    Any = 0,
    Overdue = 1,

    /// <summary>Due today or within <see cref="CaseDeadlines.DueSoonDays"/> days, not overdue.</summary>
    DueSoon = 2,
}

/// <summary>The work queue's fixed choices.</summary>
public static class WorkQueueChoices
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>States in which the municipality has something to do: what the queue shows unless states are chosen.</summary>
    public static readonly IReadOnlyList<CaseState> OpenStates =
    [
        CaseState.Submitted,
        CaseState.InAssessment,
        CaseState.AwaitingInformation,
        CaseState.ReferredToCounty,
        CaseState.AppealReceived,
        CaseState.FirstInstanceReview,
    ];

    /// <summary>Every state a submitted case can be in (a draft is the guardian's and never in the queue).</summary>
    public static readonly IReadOnlyList<CaseState> QueueStates = Enum.GetValues<CaseState>().Where(s => s != CaseState.Draft).ToList();
}
