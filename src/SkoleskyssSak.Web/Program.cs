using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Core;
using SkoleskyssSak.Application;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure;
using SkoleskyssSak.Infrastructure.Documents;
using SkoleskyssSak.Infrastructure.Logging;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Web.Api;
using SkoleskyssSak.Web.Auth;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;
using SkoleskyssSak.Web.Security;

// Logged from the first line: a start-up failure is a Fatal line in the same format (JSON outside Development).
LoggingSetup.StartBootstrapLogger();

var builder = WebApplication.CreateBuilder(args);

#if DEBUG
await DevelopmentDatabase.ProvisionIfNeededAsync(builder); // make run: Debug only (SkoleskyssSak.LocalPostgres is not shipped)
#endif

// Logging: Serilog.AspNetCore for the host; extra sinks (tests) come from DI. The host's logger is its own
// (preserveStaticLogger), so the static Log.Logger stays the bootstrap logger and several hosts can share a process.
builder.Logging.ClearProviders();
builder.Services.AddSerilog(
    (sp, logger) => LoggingSetup.Configure(logger, builder.Configuration, builder.Environment, sp.GetServices<ILogEventSink>()),
    preserveStaticLogger: true);
builder.Services.AddSkoleskyssTelemetry(builder.Configuration);

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentActor, CurrentActor>();
builder.Services.AddSingleton<MunicipalityLanguages>();
builder.Services.AddScoped<SkoleskyssSak.Web.Documents.HtmlDocumentRenderer>();
builder.Services.AddScoped<ILetterRenderer, SkoleskyssSak.Web.Documents.RazorLetterRenderer>();
builder.Services.AddSkoleskyssAuthentication(builder.Configuration, builder.Environment);

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddApiDocument();

// Norwegian letters as themselves in the HTML, not as numeric entities (still HTML-encoded where needed).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddRazorPages(o =>
    {
        PageAuthorization.Apply(o.Conventions); // who may open which page, in one table
        o.Conventions.ConfigureFilter(new UnknownPageHandlerFilter()); // no handler for the request: 404, not a page without its model
        o.Conventions.ConfigureFilter(new NulCharacterFormFilter()); // PostgreSQL refuses U+0000: 400 before anything is saved
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "skoleskyss-af";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.SecurePolicy = builder.Environment.IsProduction() || builder.Environment.IsStaging() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    if (context.HttpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
    {
        context.HttpContext.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
});

// Login and submit endpoints are rate limited per client address (POSTs only).
var loginPermits = builder.Configuration.GetValue("RateLimiting:LoginPerMinute", 10);
var publicApiPermits = builder.Configuration.GetValue("RateLimiting:PublicApiPerMinute", 1200);
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddPolicy(RateLimitPolicies.Login, context => HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("get"));
    // Every API request, and the POSTs of the "Sjekk skolevegen" page (which run the same engine), share one budget
    // per client address; reading the page is not limited.
    o.AddPolicy(RateLimitPolicies.PublicApi, context => ApiPaths.IsApi(context) || HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = publicApiPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("page-get"));
    // Every 429 says when to come back (RFC 9110 § 10.2.3): the limiter's own window when it knows it, else a minute.
    o.OnRejected = (context, _) =>
    {
        context.HttpContext.Response.Headers.RetryAfter = RateLimitPolicies.RetryAfterSeconds(context.Lease);
        return ValueTask.CompletedTask;
    };
});

builder.Services.AddHealthChecks()
    .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
    .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: ["ready"])
    .AddCheck<PdfRendererHealthCheck>("pdf", tags: ["ready"]);

builder.Services.Configure<ForwardedHeadersOptions>(o => ForwardedHeadersSetup.Configure(o, builder.Configuration));
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = true;
});

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration, app.Environment, app.Lifetime.ApplicationStopping);

if (builder.Configuration.GetValue("ForwardedHeaders:Enabled", false))
{
    app.UseForwardedHeaders();
}

app.UseSerilogRequestLogging(o => RequestLogging.Configure(o, app.Services.GetRequiredService<Serilog.ILogger>()));
app.UseMiddleware<SecurityHeadersMiddleware>();

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    // Users get a Norwegian page, /api clients an RFC 7807 problem; never a stack trace.
    // A database that cannot be reached for a while is a 503 with Retry-After, not a 500 (DatabaseUnavailable).
    app.UseWhen(ApiPaths.IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = DatabaseUnavailable.StatusCodeOf }));
    app.UseWhen(context => !ApiPaths.IsApi(context), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/feil", StatusCodeSelector = DatabaseUnavailable.StatusCodeOf }));
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseWhen(ApiPaths.IsApi, api => api.UseStatusCodePages());
app.UseWhen(context => !ApiPaths.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/feil/{0}"));
app.UseMiddleware<BadRequestStatusMiddleware>();
app.UseMiddleware<NulCharacterGuard>();

app.UseStaticFiles();
app.UseRouting();
app.UseRouteTemplateCapture(); // the request log line names the route template routing chose, not the raw path

// After routing, so that a route value {kommune} can choose the municipality's language form.
app.UseRequestLocalization(Cultures.Options());
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// Open to anyone (the fallback policy closes everything else): health probes, the public API, the 404 of an unknown path.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthResponse.WriteAsync,
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
}).AllowAnonymous();
app.MapRazorPages();
var publicApi = app.MapGroup(string.Empty).AllowAnonymous();
publicApi.MapRouteAssessments();
publicApi.MapMunicipalities();
app.MapApiDocument();

// Anything under /api that no endpoint serves is a 404 problem, not an HTML page.
app.Map("/api/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ressursen finst ikkje / finnes ikke."))
    .AllowAnonymous()
    .ExcludeFromDescription();

// Any other path no endpoint serves is a 404 (the Norwegian status page), not a sign-in: without an endpoint the
// fallback policy would challenge.
app.MapFallback("{**path}", context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    })
    .AllowAnonymous()
    .WithMetadata(UnknownPath.Instance)
    .ExcludeFromDescription();

if (app.Environment.IsDevelopment())
{
    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
}

await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
