using SkoleskyssSak.Application.Features.AppealBodies;

namespace SkoleskyssSak.Web.Pages.Klageinstans;

/// <summary>The appeal body's statistics: cases per municipality, outcomes, median processing time.</summary>
public sealed class StatistikkModel(GetAppealBodyStatisticsHandler statistics) : AppealBodyPageModel
{
    public IReadOnlyList<AppealBodyMunicipalityFigures> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await statistics.HandleAsync(new GetAppealBodyStatisticsQuery(BodyCode), cancellationToken);
}
