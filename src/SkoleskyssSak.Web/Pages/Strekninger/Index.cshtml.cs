using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Web.Pages.Strekninger;

/// <summary>"Forhåndsvurderte strekninger": public, searchable list of a municipality's pre-assessed segments (used by schools).</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "kommune")]
    public string? MunicipalityNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "sok")]
    public string? Search { get; set; }

    public DefinedSegmentList? List { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        if (Municipalities.Any(m => m.Number == MunicipalityNumber))
        {
            List = await sender.Send(new ListDefinedSegmentsQuery(MunicipalityNumber!, Search: Search?[..Math.Min(Search.Length, 100)]), cancellationToken);
        }
    }
}
