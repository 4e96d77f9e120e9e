using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>Every version of the municipality's rulebook with its status and validity.</summary>
public sealed class HistorikkModel(ISender sender) : AdminPageModel
{
    public IReadOnlyList<RulebookVersionSummary> Versions { get; private set; } = [];

    /// <summary>"Versjon … er tatt i bruk", after an activation.</summary>
    [TempData]
    public string? Notice { get; set; }

    public int? DraftVersion => Versions.FirstOrDefault(v => v.Status == RulebookStatus.Draft)?.Version;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = await sender.Send(new ListRulebookVersionsQuery(Municipality), cancellationToken);
        return Page();
    }
}
