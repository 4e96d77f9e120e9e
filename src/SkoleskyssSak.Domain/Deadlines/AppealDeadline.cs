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

    /// <inheritdoc cref="DeadlineCalendar.IsLate"/>
    public static bool IsLate(DateOnly deadline, DateOnly appealReceived, DateOnly? postedOn = null) =>
        DeadlineCalendar.IsLate(deadline, appealReceived, postedOn);
}
