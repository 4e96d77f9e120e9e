using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace SkoleskyssSak.Infrastructure.Logging;

/// <summary>
/// Serilog without Serilog.AspNetCore (not on the mirror): readable lines on the console in Development,
/// compact JSON in every other environment, levels from the "Serilog" configuration section, and the
/// personal-data scrubber around every formatter.
/// </summary>
public static class LoggingSetup
{
    private const string DevelopmentTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Logger CreateLogger(IConfiguration configuration, IHostEnvironment environment, IEnumerable<ILogEventSink> extraSinks)
    {
        var formatter = Formatter(environment);
        var config = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(MinimumLevelsOnly(configuration))
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "SkoleskyssSak")
            .WriteTo.Console(formatter);

        foreach (var sink in extraSinks)
        {
            config = config.WriteTo.Sink(sink);
        }

        return config.CreateLogger();
    }

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
        ArgumentNullException.ThrowIfNull(environment);
        ITextFormatter inner = environment.IsDevelopment()
            ? new MessageTemplateTextFormatter(DevelopmentTemplate, System.Globalization.CultureInfo.InvariantCulture)
            : new CompactJsonFormatter();
        return new PersonalDataScrubbingFormatter(inner);
    }
}
