using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>The Norwegian error page for unhandled errors (500) and status codes (404, 403, 429 …); no details leak.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class FeilModel(IStringLocalizer<SharedResource> text) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public string? Reference { get; private set; }

    public void OnGet([FromRoute] int? statusCode) => Describe(statusCode);

    // From the route only: a re-executed POST must not read the form that was refused (e.g. too large).
    public void OnPost([FromRoute] int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        (Title, Text) = code switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => (text["NotFoundTitle"].Value, text["NotFoundText"].Value),
            StatusCodes.Status403Forbidden => (text["ForbiddenTitle"].Value, text["ForbiddenText"].Value),
            StatusCodes.Status429TooManyRequests => (text["TooManyTitle"].Value, text["TooManyText"].Value),
            StatusCodes.Status413PayloadTooLarge => (text["TooLargeTitle"].Value, text["TooLargeText"].Value),
            _ => (text["ErrorTitle"].Value, text["ErrorText"].Value),
        };
        if (code >= 500)
        {
            Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = code;
    }
}
