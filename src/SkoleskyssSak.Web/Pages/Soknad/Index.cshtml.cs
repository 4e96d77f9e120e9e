using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Auth;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>"Søk om skoleskyss": choose the municipality and start a draft, or continue one.</summary>
public sealed class IndexModel(
    ListMunicipalitiesHandler municipalities,
    ListMyCasesHandler myCases,
    StartApplicationHandler start,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];

    public IReadOnlyList<MyCaseSummary> Drafts { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Kommune { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Kommune))
        {
            ModelState.AddModelError(nameof(Kommune), text["ApplyMunicipalityRequired"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await start.HandleAsync(
            new StartApplicationCommand(
                Kommune,
                User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty,
                User.FindFirstValue(SkoleskyssClaims.PersonIdentifier),
                User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty),
            cancellationToken);
        if (result is ApplicationResult.Started started)
        {
            return Redirect($"/soknad/{started.CaseId}/barn?kommune={Kommune.Trim()}");
        }

        if (result is ApplicationResult.Invalid invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(Kommune), message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Municipalities = await municipalities.HandleAsync(new ListMunicipalitiesQuery(), cancellationToken);
        var mine = await myCases.HandleAsync(new ListMyCasesQuery(User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty), cancellationToken);
        Drafts = mine.Where(c => c.State == CaseState.Draft).ToList();
    }
}
