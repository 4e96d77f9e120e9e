using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Web.Pages;

/// <summary>What a staff page does after a command: Saved → <c>next</c>; NotFound → 404; otherwise the messages, shown again.</summary>
public static class CommandResults
{
    public static async Task<IActionResult> AfterCommandAsync(this PageModel page, ApplicationResult result, string next, Func<string, string> field, Func<Task<IActionResult>> showAgain)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(showAgain);
        switch (result)
        {
            case ApplicationResult.Saved:
                return new RedirectResult(next);
            case ApplicationResult.NotFound:
                return new NotFoundResult();
            default:
                page.ModelState.AddResult(result, field);
                break;
        }

        return await showAgain();
    }
}
