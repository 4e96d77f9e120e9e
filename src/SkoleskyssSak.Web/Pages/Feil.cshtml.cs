using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
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

    // The code is read from the route values themselves, not model-bound: binding a re-executed POST would read the
    // form that was refused (too large, cut short, no boundary), fail, and turn the 400 into a 500.
    public void OnGet() => Describe(StatusCode());

    public void OnPost() => Describe(StatusCode());

    /// <summary>
    /// Any other method (PUT, DELETE, PATCH, an unknown one) re-executed into this page still gets the page: the status
    /// page must never fail. The code comes from the route only (the body is never read).
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is null)
        {
            Describe(StatusCode());
            context.Result = Page();
        }
    }

    // After an unhandled error the exception handler has chosen the status (500, or 503 when the database is away).
    private int? StatusCode() =>
        StatusCodeFromRoute() ?? (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null ? Response.StatusCode : null);

    private int? StatusCodeFromRoute() =>
        RouteData.Values.TryGetValue("statusCode", out var value)
        && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    /// <summary>
    /// The wait the 429 announced in Retry-After (the sign-in back-off can ask for up to 15 minutes), in whole minutes;
    /// the plain minute when the header is absent or at most a minute.
    /// </summary>
    private string TooManyText()
    {
        var header = Response.Headers.RetryAfter.ToString();
        return int.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 60
            ? text["TooManyTextMinutes", (seconds + 59) / 60].Value
            : text["TooManyText"].Value;
    }

    private void Describe(int? statusCode)
    {
        // Only real error codes: the route admits 400–599; anything else would be a broken status line.
        var code = statusCode is >= 400 and <= 599 ? statusCode.Value : StatusCodes.Status500InternalServerError;
        (Title, Text) = code switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => (text["NotFoundTitle"].Value, text["NotFoundText"].Value),
            StatusCodes.Status403Forbidden => (text["ForbiddenTitle"].Value, text["ForbiddenText"].Value),
            StatusCodes.Status429TooManyRequests => (text["TooManyTitle"].Value, TooManyText()),
            StatusCodes.Status413PayloadTooLarge => (text["TooLargeTitle"].Value, text["TooLargeText"].Value),
            StatusCodes.Status503ServiceUnavailable => (text["UnavailableTitle"].Value, text["UnavailableText"].Value),
            _ => (text["ErrorTitle"].Value, text["ErrorText"].Value),
        };
        if (code >= 500)
        {
            Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        }

        Response.StatusCode = code;
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = Infrastructure.Persistence.DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
