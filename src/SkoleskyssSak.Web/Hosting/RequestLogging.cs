using System.Diagnostics;
using Serilog.AspNetCore;
using Serilog.Events;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// One line per request (Serilog.AspNetCore's <c>UseSerilogRequestLogging</c>): method, route template, status,
/// elapsed time and trace id. The route template (<c>/ansatt/saker/{id}</c>), never the raw path, which can carry
/// ids; a request no endpoint matched (static files, unknown addresses) is logged as <see cref="NoRoute"/>.
/// Query strings and bodies are never logged: they may carry personal data. Level: Error for a 5xx or an exception
/// passing through, Information otherwise.
/// </summary>
internal static class RequestLogging
{
    public const string MessageTemplate = SkoleskyssSak.Infrastructure.Logging.LoggingSetup.RequestLogTemplate;

    public const string NoRoute = "(no route)";

    public static void Configure(RequestLoggingOptions options, Serilog.ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Logger = logger;
        options.MessageTemplate = MessageTemplate;
        options.IncludeQueryInRequestPath = false;
        options.GetLevel = Level;
        options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
        [
            new("RequestMethod", new ScalarValue(context.Request.Method)),
            new("RequestPath", new ScalarValue(RouteTemplate(context))),
            new("StatusCode", new ScalarValue(status)),
            new("Elapsed", new ScalarValue(elapsed)),
            new("TraceId", new ScalarValue(Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier)),
        ];
    }

    public static LogEventLevel Level(HttpContext context, double elapsed, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Information;

    /// <summary>
    /// The template of the endpoint routing chose for the request as it came in: an error or status-code page
    /// re-executed afterwards (/feil/404) routes again, and its template would hide which address failed.
    /// </summary>
    public static string RouteTemplate(HttpContext context) =>
        context.Items.TryGetValue(RouteTemplateKey, out var first) && first is string template ? template : TemplateOf(context.GetEndpoint());

    /// <summary>Right after <c>UseRouting</c>: remembers the first routing's template for the request log line.</summary>
    public static IApplicationBuilder UseRouteTemplateCapture(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Items.TryAdd(RouteTemplateKey, TemplateOf(context.GetEndpoint()));
            return next(context);
        });

    private static readonly object RouteTemplateKey = new();

    private static string TemplateOf(Endpoint? endpoint) =>
        endpoint is RouteEndpoint { RoutePattern.RawText: { } template } && endpoint.Metadata.GetMetadata<UnknownPath>() is null
            ? "/" + template.TrimStart('/')
            : NoRoute;
}

/// <summary>Marks the catch-all endpoint that answers 404 for a path nothing serves: logged as "(no route)", never by its template.</summary>
public sealed class UnknownPath
{
    public static readonly UnknownPath Instance = new();

    private UnknownPath()
    {
    }
}
