using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>Step 3: the home, and a second home for shared residence; the walking distance as the parent knows it.</summary>
public sealed class HjemModel(ISender sender, IStringLocalizer<SharedResource> text) : ApplicationPageModel(sender)
{
    [BindProperty]
    public HomesInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "hjem", cancellationToken) is { } stop)
        {
            return stop;
        }

        Input.Homes = Case.Application.Homes.Select(h => new HomeInput
        {
            Address = h.Address,
            PostalCode = h.PostalCode,
            Place = h.Place,
            WalkingDistanceKm = h.WalkingDistanceKm.ToString(CultureInfo.GetCultureInfo("nb-NO")),
        }).ToList();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        Fill();
        var homes = new List<ApplicationHome>();
        for (var i = 0; i < 2; i++)
        {
            var home = Input.Homes[i];
            if (i > 0 && Blank(home.Address) is null && Blank(home.PostalCode) is null && Blank(home.Place) is null && Blank(home.WalkingDistanceKm) is null)
            {
                continue;
            }

            decimal km = 0;
            if (!decimal.TryParse((home.WalkingDistanceKm ?? string.Empty).Replace(',', '.').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out km))
            {
                ModelState.AddModelError($"Input.Homes[{i}].WalkingDistanceKm", text["CheckNumberInvalid"]);
            }

            homes.Add(new ApplicationHome(home.Address ?? string.Empty, home.PostalCode ?? string.Empty, home.Place ?? string.Empty, km));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new HomesStep(homes)), cancellationToken);
        return await AfterSaveAsync(result, "skoleveg", key => key.StartsWith("Homes[", StringComparison.Ordinal) ? "Input." + key : string.Empty, () => Task.CompletedTask);
    }

    private void Fill()
    {
        while (Input.Homes.Count < 2)
        {
            Input.Homes.Add(new HomeInput());
        }
    }

    public sealed class HomesInput
    {
        public List<HomeInput> Homes { get; set; } = [];
    }

    public sealed class HomeInput
    {
        public string? Address { get; set; }

        public string? PostalCode { get; set; }

        public string? Place { get; set; }

        public string? WalkingDistanceKm { get; set; }
    }
}
