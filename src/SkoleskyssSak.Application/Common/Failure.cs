namespace SkoleskyssSak.Application.Common;

/// <summary>
/// Why a command did not do what it was asked: the one set of refusals every use case returns, as values (never
/// exceptions). Pages map it to ModelState and the API to an RFC 7807 problem, each in one place (Web/Hosting/FailureMapping).
/// </summary>
public abstract record Failure
{
    private protected Failure()
    {
    }

    /// <summary>
    /// No such object, or one the caller may not see: nobody learns whether someone else's case exists (issue 4:
    /// "guessing another case id gives 404").
    /// </summary>
    public sealed record NotFound : Failure;

    /// <summary>Input to correct: field (the command's or form's property path, e.g. <c>Guardians[0].Email</c>) → Norwegian messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : Failure
    {
        /// <summary>One message on one field.</summary>
        public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>Not permitted now (the case's state, a rule, a missing assessment); the reason is in Norwegian.</summary>
    /// <param name="Findings">What a check found, when the refusal rests on a list of findings (a rulebook draft's errors).</param>
    public sealed record Refused(string Reason, IReadOnlyList<Finding> Findings) : Failure
    {
        public Refused(string reason)
            : this(reason, [])
        {
        }
    }

    /// <summary>Someone changed the same object meanwhile (optimistic concurrency); nothing was saved. In Norwegian.</summary>
    public sealed record Conflict(string Reason) : Failure;
}

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>One problem a check found: errors block the step, warnings do not.</summary>
/// <param name="References">What it is about (rule ids, segment ids), for the page to link to.</param>
public sealed record Finding(FindingSeverity Severity, IReadOnlyList<string> References, string Message);
