namespace SkoleskyssSak.Domain.Deadlines;

/// <summary>
/// The appeal deadline of fvl § 29 first paragraph: 3 weeks from the day the notice of the decision reached the
/// party ("fra den dag underretning om vedtaket er kommet fram til vedkommende part"), counted by fvl § 30 with
/// domstolloven §§ 148–149. When the notice reached the party (delivery by post or digitally) is decided
/// elsewhere: this takes the date.
/// </summary>
public static class AppealDeadline
{
    public static readonly TimeLimit Period = TimeLimit.Weeks(3);

    /// <summary>The last day to appeal: the same weekday three weeks later, extended past non-working days.</summary>
    public static DateOnly From(DateOnly noticeReceived) => Period.ExpiresOn(noticeReceived);

    /// <summary>
    /// fvl. § 31 third paragraph: "Klagen kan ikke i noe tilfelle tas under behandling dersom det er gått mer enn ett år
    /// siden vedtaket ble truffet." One year from the day the decision was made, counted like every other deadline of
    /// the Act (fvl. § 30, domstolloven §§ 148–149).
    /// </summary>
    public static readonly TimeLimit LateAppealAbsoluteLimit = TimeLimit.Years(1);

    /// <summary>The last day on which an appeal can have been made and still be considered late (fvl. § 31 third paragraph).</summary>
    public static DateOnly LastDayForALateAppeal(DateOnly decisionMadeOn) => LateAppealAbsoluteLimit.ExpiresOn(decisionMadeOn);

    /// <summary>
    /// fvl. § 31 third paragraph: the appeal came more than one year after the decision was made, so it can in no case
    /// be considered. The appeal counts as made on the day it was received, or on the day it was posted (fvl. § 30).
    /// </summary>
    public static bool IsBeyondLateAppealLimit(DateOnly decisionMadeOn, DateOnly appealReceived, DateOnly? postedOn = null) =>
        DeadlineCalendar.IsLate(LastDayForALateAppeal(decisionMadeOn), appealReceived, postedOn);

    /// <inheritdoc cref="DeadlineCalendar.IsLate"/>
    public static bool IsLate(DateOnly deadline, DateOnly appealReceived, DateOnly? postedOn = null) =>
        DeadlineCalendar.IsLate(deadline, appealReceived, postedOn);
}
