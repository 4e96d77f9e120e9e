using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Municipalities;

namespace SkoleskyssSak.Web.Pages;

public sealed class IndexModel(ListMunicipalitiesHandler handler) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Municipalities = await handler.HandleAsync(new ListMunicipalitiesQuery(), cancellationToken);
}
