namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// When a caseworker is expected to have decided a case: the due date the work queue sorts and filters on. One place,
/// so that a per-municipality processing time (from the municipality's settings) can replace the default later.
/// </summary>
public static class CaseDeadlines
{
    /// <summary>
    /// The default expected processing time: 8 weeks from submission, used while the municipality has no processing
    /// time of its own. (Cases not answered within a month get an interim reply, fvl. § 11 a; that is a separate deadline.)
    /// </summary>
    public static readonly TimeSpan DefaultProcessingTime = TimeSpan.FromDays(8 * 7);

    /// <summary>A case due within this many days (today included) is "due soon" in the work queue.</summary>
    public const int DueSoonDays = 7;

    /// <summary>The expected decision date of a case submitted on <paramref name="submittedOn"/> (a Norwegian date).</summary>
    public static DateOnly ExpectedDecisionDate(DateOnly submittedOn) => submittedOn.AddDays(DefaultProcessingTime.Days);

    /// <summary>How urgent a case due on <paramref name="dueDate"/> is on <paramref name="today"/>.</summary>
    public static DueStatus StatusOn(DateOnly dueDate, DateOnly today) =>
        dueDate < today ? DueStatus.Overdue
        : dueDate <= today.AddDays(DueSoonDays) ? DueStatus.DueSoon
        : DueStatus.NotDue;
}

public enum DueStatus
{
    NotDue = 0,
    DueSoon = 1,
    Overdue = 2,
}
