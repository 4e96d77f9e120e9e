using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Staff;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>The staff landing page: who is signed in, in which role, for which school, appeal body or municipality.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? Scope { get; private set; }

    /// <summary>The municipality of a municipality admin, for the links to its admin pages.</summary>
    public string? AdminMunicipality => User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty;
        Roles = StaffRole.All.Where(User.IsInRole).ToList();
        Scope = await sender.Send(
            new DescribeStaffScopeQuery(
                User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber),
                Guid.TryParse(User.FindFirstValue(SkoleskyssClaims.SchoolId), out var school) ? school : null,
                User.FindFirstValue(SkoleskyssClaims.AppealBodyCode)),
            cancellationToken);
    }
}
