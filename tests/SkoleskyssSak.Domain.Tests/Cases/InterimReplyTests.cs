using System.Globalization;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Foreløpig svar (fvl. § 11 a): due when the case is one month old without a decision, sent once.</summary>
public class InterimReplyTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-15", "2026-11-14", false, "the day before the month is out")]
    [InlineData("2026-10-15", "2026-11-15", true, "exactly one month: the same day number")]
    [InlineData("2026-10-15", "2026-12-01", true, "later still (a missed run catches up)")]
    [InlineData("2027-01-31", "2027-02-27", false, "31 January: February has no 31st")]
    [InlineData("2027-01-31", "2027-02-28", true, "31 January → the last day of February")]
    [InlineData("2028-01-31", "2028-02-29", true, "leap year: 29 February")]
    [InlineData("2026-11-21", "2026-12-21", true, "received on a Saturday: the same day number, a Monday")]
    [InlineData("2026-11-24", "2026-12-24", true, "due on Christmas Eve: not moved to a working day (snarest mulig)")]
    public void Due_one_month_after_receipt_with_month_ends_clamped(string received, string today, bool due, string why)
    {
        Assert.True(due == InterimReply.IsDue(CaseState.Submitted, D(received), alreadySent: false, D(today)), why);
    }

    [Theory]
    [InlineData(CaseState.Submitted, true)]
    [InlineData(CaseState.InAssessment, true)]
    [InlineData(CaseState.AwaitingInformation, true)]
    [InlineData(CaseState.Draft, false)]
    [InlineData(CaseState.Decided, false)]
    [InlineData(CaseState.Withdrawn, false)]
    [InlineData(CaseState.ReferredToCounty, false)]
    [InlineData(CaseState.AppealReceived, false)]
    [InlineData(CaseState.Closed, false)]
    public void Only_a_case_awaiting_its_decision_gets_one(CaseState state, bool due)
    {
        Assert.Equal(due, InterimReply.IsDue(state, D("2026-09-01"), alreadySent: false, D("2026-11-01")));
    }

    [Fact]
    public void Never_twice_and_never_without_a_receipt()
    {
        Assert.False(InterimReply.IsDue(CaseState.InAssessment, D("2026-09-01"), alreadySent: true, D("2026-11-01")));
        Assert.False(InterimReply.IsDue(CaseState.InAssessment, null, alreadySent: false, D("2026-11-01")));
    }

    [Theory]
    [InlineData("2026-10-15", 8, "2026-11-16", "2026-12-10", "the announced 8 weeks, still ahead")]
    [InlineData("2026-10-15", 4, "2026-11-16", "2026-12-14", "4 weeks ran out on 12 November: today + 4 weeks")]
    [InlineData("2026-10-15", null, "2026-11-16", "2026-12-14", "no processing time announced: today + 4 weeks")]
    [InlineData("2026-10-15", 5, "2026-11-19", "2026-12-17", "announced date is today: already no news, today + 4 weeks")]
    [InlineData("2026-11-26", null, "2026-11-26", "2026-12-24", "today + 4 weeks is Christmas Eve, a Thursday: an ordinary day (domstolloven § 149)")]
    [InlineData("2026-11-28", null, "2026-11-28", "2026-12-28", "today + 4 weeks is Saturday 26 December: past the weekend")]
    public void The_expected_answer_is_the_announced_date_or_four_weeks_ahead(string received, int? weeks, string today, string expected, string why)
    {
        Assert.True(D(expected) == InterimReply.ExpectedAnswer(D(received), weeks, D(today)), why);
    }

    [Fact]
    public void The_case_records_the_reply_once_and_only_when_due()
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);
        var submittedAt = CaseScenarios.Start.AddDays(1);
        @case.RecordSubmission(Guid.NewGuid(), 3, submittedAt);

        Assert.False(@case.RecordInterimReply(submittedAt.AddDays(20)));
        Assert.Null(@case.InterimReplySentAt);

        var sentAt = submittedAt.AddMonths(1);
        Assert.True(@case.IsInterimReplyDue(DateOnly.FromDateTime(sentAt.Date)));
        Assert.True(@case.RecordInterimReply(sentAt));
        Assert.Equal(sentAt, @case.InterimReplySentAt);
        Assert.False(@case.RecordInterimReply(sentAt.AddDays(1)));
        Assert.Equal(sentAt, @case.InterimReplySentAt);
    }
}
