using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>"Mine saker": the signed-in parent's cases, drafts first to continue.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<MyCaseSummary> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Name = User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty;
        Cases = await sender.Send(new ListMyCasesQuery(User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty), cancellationToken);
    }
}
