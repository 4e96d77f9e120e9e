using SkoleskyssSak.Application.Features.AppealBodies;

namespace SkoleskyssSak.Application.Tests.Features.AppealBodies;

public sealed class AppealBodyStatisticsTests
{
    [Fact]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones()
    {
        Assert.Null(GetAppealBodyStatisticsHandler.Median([]));
        Assert.Equal(5, GetAppealBodyStatisticsHandler.Median([9, 1, 5]));
        Assert.Equal(4, GetAppealBodyStatisticsHandler.Median([10, 2, 6, 1]));
    }
}
