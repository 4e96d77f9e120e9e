using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SkoleskyssSak.Web.Pages;

/// <summary>What a staff page does after a command: done → <c>next</c>; NotFound → 404; otherwise the failure on the page, shown again.</summary>
public static class CommandResults
{
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
