using Mediator;
using SkoleskyssSak.Application.Features.AppealBodies;

namespace SkoleskyssSak.Web.Pages.Klageinstans;

/// <summary>The appeal body's statistics: cases per municipality, outcomes, median processing time.</summary>
public sealed class StatistikkModel(ISender sender) : AppealBodyPageModel
{
    public IReadOnlyList<AppealBodyMunicipalityFigures> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await sender.Send(new GetAppealBodyStatisticsQuery(BodyCode), cancellationToken);
}
