using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Municipalities;

namespace SkoleskyssSak.Web.Pages;

public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
}
