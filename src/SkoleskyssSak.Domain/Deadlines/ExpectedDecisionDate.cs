namespace SkoleskyssSak.Domain.Deadlines;

/// <summary>
/// The day a parent may expect the answer: the municipality's announced processing time in weeks counted from the
/// day the søknad was received, the same weekday N weeks later, moved past non-working days like a time limit
/// (domstolloven §§ 148–149, see <see cref="TimeLimit"/>). A promise to the parent, not a legal deadline:
/// fvl § 11a only requires an interim reply when a søknad cannot be answered within one month.
/// </summary>
public static class ExpectedDecisionDate
{
    public static DateOnly From(DateOnly received, int processingWeeks) => TimeLimit.Weeks(processingWeeks).ExpiresOn(received);

    /// <summary>Null while the case is not received or the municipality announces no processing time.</summary>
    public static DateOnly? From(DateOnly? received, int? processingWeeks) =>
        received is { } day && processingWeeks is { } weeks ? From(day, weeks) : null;
}
