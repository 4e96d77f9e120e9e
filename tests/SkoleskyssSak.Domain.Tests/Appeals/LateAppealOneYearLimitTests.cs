using System.Globalization;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Appeals;

/// <summary>
/// fvl. § 31 third paragraph: "Klagen kan ikke i noe tilfelle tas under behandling dersom det er gått mer enn ett år
/// siden vedtaket ble truffet." A late appeal may be considered anyway (first paragraph) only up to one year after the
/// decision, counted by fvl. § 30 (domstolloven §§ 148–149; posted in time is in time).
/// </summary>
public sealed class LateAppealOneYearLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2025-03-10", "2026-03-10", null, true, "received on the anniversary, a Tuesday")]
    [InlineData("2025-03-10", "2026-03-11", null, false, "received the day after")]
    [InlineData("2025-03-10", "2026-03-13", "2026-03-10", true, "posted on the anniversary (fvl. § 30)")]
    [InlineData("2025-03-10", "2026-03-13", "2026-03-11", false, "posted the day after")]
    [InlineData("2024-02-29", "2025-02-28", null, true, "from the leap day: one year ends on 28 February")]
    [InlineData("2024-02-29", "2025-03-03", null, false, "from the leap day: Monday 3 March is too late")]
    [InlineData("2025-05-17", "2026-05-18", null, true, "anniversary on Sunday 17 May → Monday 18 May")]
    [InlineData("2025-05-17", "2026-05-19", null, false, "the Tuesday after is too late")]
    [InlineData("2025-03-10", "2025-06-01", null, true, "late, but well within the year")]
    public void Fvl_31_third_paragraph_a_late_appeal_can_be_considered_only_within_one_year_of_the_decision(
        string decisionMade, string received, string? posted, bool mayBeConsidered, string why)
    {
        DateOnly? postedOn = posted is null ? null : D(posted);
        var appeal = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Paper, "Klage.", D(received), postedOn, D(decisionMade), "staff-1", Now);

        Assert.True(appeal.IsLate, why);
        Assert.True(mayBeConsidered == appeal.MayBeConsideredAnyway(D(decisionMade)), why);
        Assert.Equal(!mayBeConsidered, AppealDeadline.IsBeyondLateAppealLimit(D(decisionMade), D(received), postedOn));
    }

    [Fact]
    public void The_limit_is_one_year_counted_like_every_deadline_of_the_act()
    {
        Assert.Equal(TimeLimit.Years(1), AppealDeadline.LateAppealAbsoluteLimit);
        Assert.Equal(D("2026-05-18"), AppealDeadline.LastDayForALateAppeal(D("2025-05-17")));
        Assert.Equal(D("2026-03-10"), AppealDeadline.LastDayForALateAppeal(D("2025-03-10")));
    }

    [Fact]
    public void An_appeal_in_time_or_already_handled_is_not_considered_anyway()
    {
        var inTime = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Online, "Klage.", D("2026-11-10"), null, D("2026-11-02"), "c-1", Now);
        Assert.False(inTime.MayBeConsideredAnyway(D("2026-11-02")));

        var handled = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Email, null, D("2026-12-01"), null, D("2026-11-02"), "staff-1", Now);
        Assert.True(handled.MayBeConsideredAnyway(D("2026-11-02")));
        Assert.True(handled.TryRecordLateHandling(LateAppealHandling.Dismissed, "For sent."));
        Assert.False(handled.MayBeConsideredAnyway(D("2026-11-02")));
    }
}
