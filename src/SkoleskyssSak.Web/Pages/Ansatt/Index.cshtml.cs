using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>The staff landing page: who is signed in, in which role, for which municipality, school or appeal body.</summary>
public sealed class IndexModel(ListMunicipalitiesHandler municipalities) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? Scope { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty;
        Roles = StaffRole.All.Where(User.IsInRole).ToList();
        var municipalityNumber = User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber);
        if (municipalityNumber is not null)
        {
            var all = await municipalities.HandleAsync(new ListMunicipalitiesQuery(), cancellationToken);
            Scope = all.FirstOrDefault(m => m.Number == municipalityNumber)?.Name + " kommune";
        }
        else
        {
            Scope = User.FindFirstValue(SkoleskyssClaims.AppealBodyCode);
        }
    }
}
