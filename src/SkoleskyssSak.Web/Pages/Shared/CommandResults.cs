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

    /// <summary>The same for a command of the one result shape: done → <c>next</c>; NotFound → 404; otherwise the failure, shown again.</summary>
    public static async Task<IActionResult> AfterCommandAsync(this PageModel page, CommandResult result, string next, Func<string, string> field, Func<Task<IActionResult>> showAgain)
    {
        if (result.IsOk)
        {
            return new RedirectResult(next);
        }

        if (result.Failure is Failure.NotFound)
        {
            return new NotFoundResult();
        }

        page.ModelState.AddFailure(result.Failure, field);
        return await showAgain();
    }
}
