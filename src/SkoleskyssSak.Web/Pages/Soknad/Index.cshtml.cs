using System.Security.Claims;
using Mediator;
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
    ISender sender,
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

        var result = await sender.Send(
            new StartApplicationCommand(
                Kommune,
                User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty,
                User.FindFirstValue(SkoleskyssClaims.PersonIdentifier),
                User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty),
            cancellationToken);
        if (result.IsOk)
        {
            return Redirect($"/soknad/{result.Value.CaseId}/barn?kommune={Kommune.Trim()}");
        }

        // Every message of the start belongs to the municipality field (the pseudonym comes from the sign-in).
        ModelState.AddFailure(result.Failure, _ => nameof(Kommune));

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        var mine = await sender.Send(new ListMyCasesQuery(User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty), cancellationToken);
        Drafts = mine.Where(c => c.State == CaseState.Draft).ToList();
    }
}
