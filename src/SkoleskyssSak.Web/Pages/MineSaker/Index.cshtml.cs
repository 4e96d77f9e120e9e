using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>"Mine saker": the signed-in parent's cases (the case list arrives with the application journey).</summary>
public sealed class IndexModel : PageModel
{
    public string Name { get; private set; } = string.Empty;

    public void OnGet() => Name = User.FindFirstValue(SkoleskyssClaims.Name) ?? string.Empty;
}
