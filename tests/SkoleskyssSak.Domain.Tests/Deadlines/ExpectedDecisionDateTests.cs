using System.Globalization;
using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Tests.Deadlines;

/// <summary>The date "svar innen" shown to parents: N weeks after receipt, moved past non-working days.</summary>
public class ExpectedDecisionDateTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", 5, "2026-12-28", "Monday → Monday five weeks later")]
    [InlineData("2026-11-21", 6, "2027-01-04", "received on a Saturday: ends Saturday 2 January → Monday")]
    [InlineData("2026-12-03", 3, "2026-12-24", "ends on Christmas Eve, a Thursday: an ordinary day (domstolloven § 149)")]
    [InlineData("2027-03-04", 3, "2027-03-30", "ends on Maundy Thursday → the Tuesday after Easter")]
    public void Weeks_after_receipt_on_a_working_day(string received, int weeks, string expected, string why)
    {
        Assert.True(D(expected) == ExpectedDecisionDate.From(D(received), weeks), why);
    }

    [Fact]
    public void No_date_without_a_receipt_or_a_processing_time()
    {
        Assert.Null(ExpectedDecisionDate.From(null, 4));
        Assert.Null(ExpectedDecisionDate.From(D("2026-11-23"), null));
        Assert.Equal(D("2026-12-21"), ExpectedDecisionDate.From((DateOnly?)D("2026-11-23"), 4));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_processing_time_of_no_weeks_is_refused(int weeks)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedDecisionDate.From(D("2026-11-23"), weeks));
    }
}
