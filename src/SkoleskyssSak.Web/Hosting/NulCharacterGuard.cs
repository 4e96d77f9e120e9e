using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// A NUL character (U+0000) is no text anyone types, and PostgreSQL refuses it in <c>text</c> and <c>jsonb</c>: a request
/// carrying one would fail when saved, as an error 500. It is refused as a 400 before anything runs: in the query string
/// here (for every request), in form fields, field names and file names by <see cref="NulCharacterFormFilter"/> (after the
/// page's own body limits are in force). Nothing is saved by such a request.
/// </summary>
public sealed class NulCharacterGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && ContainsNul(context.Request.Query))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        }

        return next(context);
    }

    internal static bool ContainsNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(v => v is not null && v.Contains('\0', StringComparison.Ordinal)));
}

/// <summary>Refuses (400) a page POST whose form has a NUL character in a value, a field name or a file name; see <see cref="NulCharacterGuard"/>.</summary>
public sealed class NulCharacterFormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;

        // Not on a status page re-executed for a refused request: its body must not be read again.
        if (request.HasFormContentType && !IsReExecution(context.HttpContext))
        {
            var form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
            if (NulCharacterGuard.ContainsNul(form) || form.Files.Any(f => f.FileName.Contains('\0', StringComparison.Ordinal) || f.Name.Contains('\0', StringComparison.Ordinal)))
            {
                context.Result = new BadRequestResult();
                return;
            }
        }

        await next();
    }

    private static bool IsReExecution(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
}
