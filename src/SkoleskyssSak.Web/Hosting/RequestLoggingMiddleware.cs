using System.Diagnostics;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// One line per request: method, route template (not the raw path, which may carry ids), status, elapsed
/// time and trace id. Serilog.AspNetCore's request logging is not on the mirror; this is our own.
/// Query strings and bodies are never logged: they may carry personal data.
/// </summary>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var template = context.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : context.Request.Path.Value;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(
                level,
                "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId:l})",
                context.Request.Method,
                template,
                status,
                elapsed,
                Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        }
    }
}
