using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// The outcome of a command on a søknad. <see cref="NotFound"/> is also the answer for a case that exists but is not
/// the caller's: nobody learns whether someone else's case exists (issue 4: "guessing another case id gives 404").
/// </summary>
public abstract record ApplicationResult
{
    private protected ApplicationResult()
    {
    }

    public sealed record Started(Guid CaseId) : ApplicationResult;

    public sealed record Saved(Guid CaseId) : ApplicationResult;

    /// <param name="AlreadySubmitted">True when the case had been submitted before (a double click or a resubmitted POST).</param>
    public sealed record Submitted(Guid CaseId, CaseNumber CaseNumber, CaseState State, bool AlreadySubmitted) : ApplicationResult;

    public sealed record Withdrawn(Guid CaseId, CaseState State) : ApplicationResult;

    public sealed record NotFound : ApplicationResult;

    /// <summary>Field (the form's property path, e.g. <c>Guardians[0].Email</c>) → Norwegian messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ApplicationResult
    {
        /// <summary>One message on one field.</summary>
        public static Invalid Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });

        /// <summary>One message on one field, by its key in the søknad's texts (current culture).</summary>
        public static Invalid Text(string field, string textKey) => Field(field, CaseTexts.Get(textKey));
    }

    /// <summary>Not permitted in the case's state; the reason is in Norwegian.</summary>
    public sealed record Refused(string Reason) : ApplicationResult;

    /// <summary>Someone changed the case at the same time; the reason is in Norwegian.</summary>
    public sealed record Conflict(string Reason) : ApplicationResult;
}
