using System.Text.Json;
using Serilog;
using Serilog.Formatting.Compact;
using SkoleskyssSak.Infrastructure.Logging;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Logging;

/// <summary>
/// The app's JSON lines carry no rendered @m any more (CLEF, Serilog.Formatting.Compact). Tests that look for a message
/// in the app's output (the fault test's "never responded 500") read it through <see cref="ClefLine"/>, which must
/// render the request line as a person reads it; otherwise such a check would silently never match.
/// </summary>
public sealed class ClefLineTests
{
    private static string Line(Action<ILogger> write)
    {
        var output = new StringWriter();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new WriterSink(new CompactJsonFormatter(), output)).CreateLogger())
        {
            write(logger);
        }

        return output.ToString().Trim();
    }

    [Fact]
    public void The_request_line_of_a_500_renders_with_its_status_path_and_elapsed_time()
    {
        var line = Line(log => log.Error(LoggingSetup.RequestLogTemplate, "POST", "/soknad/{kommune}", 500, 3.14159, "0af7651916cd43dd8448eb211c80319c"));
        Assert.False(JsonDocument.Parse(line).RootElement.TryGetProperty("@m", out _));

        Assert.Equal("HTTP POST /soknad/{kommune} responded 500 in 3.1 ms (trace 0af7651916cd43dd8448eb211c80319c)", ClefLine.Render(line));
    }

    [Fact]
    public void Holes_without_a_format_take_the_property_and_lines_that_are_not_json_stay_as_they_are()
    {
        Assert.Equal("Sak 2026/00042 har 3 vedlegg", ClefLine.Render(Line(log => log.Information("Sak {CaseNumber} har {Count} vedlegg", "2026/00042", 3))));
        Assert.Equal("[09:15:02 INF] plain", ClefLine.Render("[09:15:02 INF] plain"));
    }

    private sealed class WriterSink(Serilog.Formatting.ITextFormatter formatter, TextWriter output) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}
