using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace SkoleskyssSak.Infrastructure.Logging;

/// <summary>
/// Serilog for the host (Serilog.AspNetCore, registered in Program.cs): readable lines on the console in Development,
/// compact JSON (CLEF, Serilog.Formatting.Compact) in every other environment, levels from the "Serilog"
/// configuration section, and the personal-data scrubber around every formatter.
/// </summary>
public static class LoggingSetup
{
    /// <summary>The request log line (Web's <c>RequestLogging</c>); its <c>RequestPath</c> is the route template.</summary>
    public const string RequestLogTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms (trace {TraceId:l})";

    private const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// The logger from the first line of Program.cs until the host's logger exists: a start-up failure (missing
    /// configuration, unreachable database) is written in the same format as every other line, JSON outside
    /// Development. The environment is read from the variables the host reads (ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT).
    /// </summary>
    public static Logger CreateBootstrapLogger(string? environmentName)
    {
        var environment = new BootstrapEnvironment(string.IsNullOrWhiteSpace(environmentName) ? Environments.Production : environmentName);
        return new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.WithProperty("Application", "SkoleskyssSak")
            .WriteTo.Console(Formatter(environment))
            .CreateLogger();
    }

    private static int bootstrapped;

    /// <summary>
    /// From the first line of Program.cs: the static <see cref="Log.Logger"/> becomes the bootstrap logger, and an
    /// exception that ends the process (a start-up failure) is written through it as a Fatal line, then flushed.
    /// Once per process: the host's own logger is separate (several hosts share a test process).
    /// </summary>
    public static void StartBootstrapLogger()
    {
        if (Interlocked.Exchange(ref bootstrapped, 1) == 1)
        {
            return;
        }

        Log.Logger = CreateBootstrapLogger(
            Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"));
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Log.Fatal(e.ExceptionObject as Exception, "The application stopped: {ExceptionType}", e.ExceptionObject.GetType().Name);
            Log.CloseAndFlush();
        };
    }

    /// <summary>The host's logger: levels, enrichers, the console sink (unless Serilog:Console is false) and any extra sinks (tests) from DI.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration config, IConfiguration configuration, IHostEnvironment environment, IEnumerable<ILogEventSink> extraSinks)
    {
        var formatter = Formatter(environment);
        config = config
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(MinimumLevelsOnly(configuration))
            .Enrich.FromLogContext()
            .Enrich.With<RawRequestPathRemover>()
            .Enrich.WithProperty("Application", "SkoleskyssSak");

        // Serilog:Console (default true): the tests turn it off and read the app's lines through their own sink, so a
        // test run's output stays readable.
        if (configuration.GetValue("Serilog:Console", defaultValue: true))
        {
            config = config.WriteTo.Console(formatter);
        }

        foreach (var sink in extraSinks)
        {
            config = config.WriteTo.Sink(sink);
        }

        return config;
    }

    /// <summary>The host's logger as a standalone <see cref="Logger"/> (tools and tests outside the web host).</summary>
    public static Logger CreateLogger(IConfiguration configuration, IHostEnvironment environment, IEnumerable<ILogEventSink> extraSinks) =>
        Configure(new LoggerConfiguration(), configuration, environment, extraSinks).CreateLogger();

    /// <summary>
    /// Only Serilog:MinimumLevel is taken from configuration: a sink configured under Serilog:WriteTo would
    /// bypass the personal-data scrubber, so sinks are chosen here in code and nowhere else.
    /// </summary>
    private static IConfiguration MinimumLevelsOnly(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.GetSection("Serilog:MinimumLevel").AsEnumerable()
                .Where(pair => pair.Value is not null))
            .Build();

    /// <summary>The formatter every sink uses, scrubber included; tests format captured events with it too.</summary>
    public static ITextFormatter Formatter(IHostEnvironment environment)
    {
        ITextFormatter inner = environment.IsDevelopment()
            ? new MessageTemplateTextFormatter(DevelopmentTemplate, System.Globalization.CultureInfo.InvariantCulture)
            : new CompactJsonFormatter();
        return new PersonalDataScrubbingFormatter(inner);
    }

    /// <summary>
    /// ASP.NET Core's request scope gives every line written during a request a <c>RequestPath</c> property with the
    /// raw path, which can carry ids; it is removed. The request line's own <c>RequestPath</c> (the route template,
    /// written by Serilog's request logging) stays; <c>RequestId</c> and the trace id keep lines correlated.
    /// </summary>
    internal sealed class RawRequestPathRemover : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (logEvent.MessageTemplate.Text != RequestLogTemplate)
            {
                logEvent.RemovePropertyIfPresent("RequestPath");
            }
        }
    }

    private sealed class BootstrapEnvironment(string environmentName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "SkoleskyssSak";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
