using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace SkoleskyssSak.Testing;

/// <summary>
/// Collects every log event the app writes, formatted by the app's own formatter (the same one the console
/// sink uses, personal-data scrubber included), so a test can search what would reach the log.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();

    public ITextFormatter? Formatter { get; set; }

    public IReadOnlyCollection<string> Lines => lines;

    public string Text => string.Join(Environment.NewLine, lines);

    public void Emit(LogEvent logEvent)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        (Formatter ?? throw new InvalidOperationException("LogCapture needs the app's formatter.")).Format(logEvent, writer);
        lines.Enqueue(writer.ToString());
    }
}
