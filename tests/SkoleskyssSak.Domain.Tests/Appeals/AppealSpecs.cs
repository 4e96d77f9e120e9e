using SkoleskyssSak.Domain.Appeals;

namespace SkoleskyssSak.Domain.Tests.Appeals;

/// <summary>fvl. §§ 29–31 on a registered appeal: the deadline from the notice, posted in time is in time, late is flagged.</summary>
public sealed class AppealSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    // Notice Monday 2 November 2026: deadline Monday 23 November.
    [InlineData("2026-11-02", "2026-11-23", null, "2026-11-23", false)]
    [InlineData("2026-11-02", "2026-11-24", null, "2026-11-23", true)]
    // Posted on the last day, received later: in time (fvl. § 30 with domstolloven § 148).
    [InlineData("2026-11-02", "2026-11-26", "2026-11-23", "2026-11-23", false)]
    [InlineData("2026-11-02", "2026-11-26", "2026-11-24", "2026-11-23", true)]
    // Notice Thursday 17 December 2026: 7 January 2027 is an ordinary Thursday.
    [InlineData("2026-12-17", "2027-01-07", null, "2027-01-07", false)]
    // Notice Thursday 10 December 2026: 31 December (New Year's Eve) is an ordinary Thursday (domstolloven § 149), so an
    // appeal received on Monday 4 January 2027 is late.
    [InlineData("2026-12-10", "2027-01-04", null, "2026-12-31", true)]
    // Notice Thursday 14 May 2026 (Ascension Day): counting starts the day after; 4 June is an ordinary Thursday.
    [InlineData("2026-05-14", "2026-06-04", null, "2026-06-04", false)]
    // Notice Thursday 25 April 2030: 16 May 2030 is the Thursday before 17 May and a working day.
    [InlineData("2030-04-25", "2030-05-16", null, "2030-05-16", false)]
    public void The_deadline_is_three_weeks_from_the_notice_and_an_appeal_posted_by_then_is_in_time(string notice, string received, string? posted, string deadline, bool late)
    {
        var appeal = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Paper, "Klage.", D(received), posted is null ? null : D(posted), D(notice), "staff-1", Now);

        Assert.Equal(D(deadline), appeal.Deadline);
        Assert.Equal(late, appeal.IsLate);
    }

    [Fact]
    public void A_late_appeal_records_once_how_it_is_handled_and_one_in_time_has_nothing_to_record()
    {
        var late = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Email, null, D("2026-12-01"), null, D("2026-11-02"), "staff-1", Now);
        var inTime = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Online, "Klage.", D("2026-11-10"), null, D("2026-11-02"), "c-1", Now);

        Assert.True(late.TryRecordLateHandling(LateAppealHandling.ConsideredAnyway, "Brevet gikk til feil adresse."));
        Assert.False(late.TryRecordLateHandling(LateAppealHandling.Dismissed, "Nei."));
        Assert.Equal(LateAppealHandling.ConsideredAnyway, late.LateHandling);
        Assert.False(inTime.TryRecordLateHandling(LateAppealHandling.ConsideredAnyway, "Unødvendig."));
        Assert.Null(inTime.LateHandling);
    }

    [Theory]
    [InlineData("2026-11-10", null, "2026-11-11")]
    [InlineData("2026-11-10", "2026-11-11", "2026-11-02")]
    public void A_notice_or_postmark_after_the_day_received_is_refused(string received, string? posted, string notice)
    {
        Assert.Throws<ArgumentException>(() => Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Paper, "Klage.", D(received), posted is null ? null : D(posted), D(notice), "staff-1", Now));
    }

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
