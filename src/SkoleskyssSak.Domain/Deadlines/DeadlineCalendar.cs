namespace SkoleskyssSak.Domain.Deadlines;

/// <summary>Why a deadline cannot end on a day (domstolloven § 149).</summary>
public enum NonWorkingDay
{
    /// <summary>
    /// A helgedag (the helligdager of helligdagsfredloven § 2) or a day the law puts on a par with one (1 and 17 May,
    /// lov 26. april 1947 nr. 1), see <see cref="NorwegianHolidays"/>, whatever the weekday.
    /// </summary>
    PublicHoliday,

    Saturday,
    Sunday,
}

/// <summary>
/// The end of a deadline, as forvaltningsloven § 30 has it computed by domstolloven §§ 148–149.
/// These are the rules implemented, and nothing else:
/// <list type="number">
/// <item>§ 148 (days): the day the time limit starts to run is not counted; n days end on start + n.</item>
/// <item>§ 148 (weeks): n weeks end on the day of the last week with the same name as the start day (start + 7n).</item>
/// <item>§ 148 (months, years): they end on the day of the last month with the same number as the start day;
/// when the last month has no such day (31 January + 1 month, 29 February + 1 year), on the last day of that month.</item>
/// <item>§ 149 as written: "Når fristen etter § 148 ender på en lørdag, en helgedag eller en dag som etter lovgivningen
/// er likestilt med en helgedag, forlenges fristen til den nærmeste dag som ikke er nevnt her." An end on a Saturday,
/// a Sunday, a helligdag or 1 or 17 May is extended to the nearest following day that is none of these; several such
/// days in a row are all passed over (Maundy Thursday → the Tuesday after Easter).</item>
/// <item>Only the end moves: a time limit that starts to run on a Saturday or a holiday is counted from that day.</item>
/// </list>
/// Christmas Eve and New Year's Eve are neither helgedager nor put on a par with one by any statute: on a weekday
/// they are ordinary days on which a deadline ends (the courts' and offices' practice of closing early does not move
/// a statutory deadline). Easter Eve and Whitsun Eve are always Saturdays. Rettsferie (domstolloven § 140) does not apply to
/// administrative deadlines. The posting rule of fvl § 30 is <see cref="IsLate"/>.
/// </summary>
public static class DeadlineCalendar
{
    /// <summary>The reason a deadline cannot end on <paramref name="date"/>, or null if it can.</summary>
    public static NonWorkingDay? NonWorkingReason(DateOnly date)
    {
        if (NorwegianHolidays.IsPublicHoliday(date))
        {
            return NonWorkingDay.PublicHoliday;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => NonWorkingDay.Saturday,
            DayOfWeek.Sunday => NonWorkingDay.Sunday,
            _ => null,
        };
    }

    /// <summary>A day on which a deadline can end (§ 149): none of the days of <see cref="NonWorkingDay"/>.</summary>
    public static bool IsWorkingDay(DateOnly date) => NonWorkingReason(date) is null;

    /// <summary>§ 149: <paramref name="end"/> itself if a deadline can end on it, else the first following day that can.</summary>
    public static DateOnly ExtendToWorkingDay(DateOnly end)
    {
        while (!IsWorkingDay(end))
        {
            end = end.AddDays(1);
        }

        return end;
    }

    /// <summary>
    /// fvl § 30 first paragraph: a declaration (an appeal, a comment, a reply) is in time if it reached the
    /// administrative body on or before the deadline, or if it was handed to a postal operator (postoperatør)
    /// before the deadline ran out — on the last day at the latest — even if it arrives later.
    /// <paramref name="postedOn"/> is the day it was handed to the postal operator (the postmark is strong
    /// evidence of it), null when it came otherwise (by hand, e-mail, through Mine saker: the date it was
    /// received, as a Norwegian date, see <see cref="Time.NorwegianTime.Today"/>).
    /// </summary>
    public static bool IsLate(DateOnly deadline, DateOnly received, DateOnly? postedOn = null)
    {
        if (postedOn > received)
        {
            throw new ArgumentException($"A letter cannot be received ({received:yyyy-MM-dd}) before it was posted ({postedOn:yyyy-MM-dd}).", nameof(postedOn));
        }

        return received > deadline && (postedOn is null || postedOn > deadline);
    }
}
