using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// A request for which a page has no handler (a POST to a page that only answers GET, <c>?handler=X</c> naming no
/// handler, a handler missing where the page has only named ones) would render the page without any handler having
/// loaded its model: an error 500. Such a request is a 404 (the Norwegian status page) before anything runs.
/// Pages with no handler methods at all (plain views) are not affected; neither is the status page itself, which
/// answers every method (<see cref="Pages.FeilModel"/>).
/// </summary>
public sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
