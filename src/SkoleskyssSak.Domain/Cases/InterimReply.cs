using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// Foreløpig svar (fvl. § 11 a third paragraph): a søknad that cannot be answered within one month after it was
/// received gets an interim reply telling why and when an answer can be expected. The service sends it once, on the
/// day the case is one month old without a decision.
/// </summary>
public static class InterimReply
{
    /// <summary>The month of fvl. § 11 a.</summary>
    public static readonly TimeLimit Limit = TimeLimit.Months(1);

    /// <summary>
    /// How far ahead the letter promises an answer when the municipality announces no processing time, or when the
    /// announced one has already run out: a date in the past would tell the parent nothing, and § 11 a asks for the
    /// time an answer can be expected, so four weeks from today is promised instead.
    /// </summary>
    public const int FallbackWeeks = 4;

    /// <summary>
    /// The day the case is one month old: the same day number a month after receipt, or the last day of a shorter month
    /// (domstolloven § 148 through <see cref="TimeLimit.NominalEnd"/>). It is not moved past weekends and holidays
    /// (§ 149): that rule lengthens a party's time limit, whereas § 11 a asks the administration to reply as soon as
    /// possible ("snarest mulig").
    /// </summary>
    public static DateOnly DueOn(DateOnly received) => Limit.NominalEnd(received);

    /// <summary>A case in one of these states has been received and not yet decided.</summary>
    public static bool AwaitsDecision(CaseState state) =>
        state is CaseState.Submitted or CaseState.InAssessment or CaseState.AwaitingInformation;

    /// <summary>
    /// Whether the interim reply is to be sent on <paramref name="today"/> (a Norwegian date): the søknad was received
    /// (<paramref name="received"/>, a Norwegian date) at least one month ago, the case awaits its decision, and no
    /// interim reply has been sent.
    /// </summary>
    public static bool IsDue(CaseState state, DateOnly? received, bool alreadySent, DateOnly today) =>
        !alreadySent && AwaitsDecision(state) && received is { } day && DueOn(day) <= today;

    /// <summary>
    /// The date the letter gives for the answer: the municipality's announced processing time counted from receipt
    /// (<see cref="ExpectedDecisionDate"/>); if none is announced or that date is already behind us,
    /// <see cref="FallbackWeeks"/> weeks from <paramref name="today"/> (on a working day).
    /// </summary>
    public static DateOnly ExpectedAnswer(DateOnly received, int? processingWeeks, DateOnly today) =>
        ExpectedDecisionDate.From(received, processingWeeks) is { } announced && announced > today
            ? announced
            : ExpectedDecisionDate.From(today, FallbackWeeks);
}
