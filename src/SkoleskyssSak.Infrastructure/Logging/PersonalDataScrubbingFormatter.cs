using System.Globalization;
using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Formatting;

namespace SkoleskyssSak.Infrastructure.Logging;

/// <summary>
/// The last line of defence for personal data in logs (offentleglova § 13): whatever the inner formatter
/// writes, every run of exactly eleven digits (a fødselsnummer or D-nummer shape) is masked before the line
/// leaves the process, including exception messages and request paths. Code must still never log one.
/// </summary>
public sealed partial class PersonalDataScrubbingFormatter(ITextFormatter inner) : ITextFormatter
{
    public const string Mask = "***********";

    public void Format(LogEvent logEvent, TextWriter output)
    {
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        inner.Format(MaskNumbers(logEvent), buffer);
        output.Write(Scrub(buffer.ToString()));
    }

    public static string Scrub(string text) => ElevenDigits().Replace(text, Mask);

    /// <summary>
    /// A number property with eleven digits is written as a bare JSON number, where masking the text would
    /// leave <c>"Number":***********</c> and break the line for the log shipper; it becomes the mask as a string.
    /// </summary>
    private static LogEvent MaskNumbers(LogEvent logEvent)
    {
        if (!logEvent.Properties.Values.Any(value => !ReferenceEquals(MaskNumbers(value), value)))
        {
            return logEvent;
        }

        return new LogEvent(
            logEvent.Timestamp,
            logEvent.Level,
            logEvent.Exception,
            logEvent.MessageTemplate,
            logEvent.Properties.Select(p => new LogEventProperty(p.Key, MaskNumbers(p.Value))),
            logEvent.TraceId ?? default,
            logEvent.SpanId ?? default);
    }

    private static LogEventPropertyValue MaskNumbers(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: long or ulong or decimal or double or float } scalar
            when ElevenDigits().IsMatch(Convert.ToString(scalar.Value, CultureInfo.InvariantCulture)!) => new ScalarValue(Mask),
        SequenceValue sequence when sequence.Elements.Any(e => !ReferenceEquals(MaskNumbers(e), e)) =>
            new SequenceValue(sequence.Elements.Select(MaskNumbers)),
        StructureValue structure when structure.Properties.Any(p => !ReferenceEquals(MaskNumbers(p.Value), p.Value)) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, MaskNumbers(p.Value))), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => !ReferenceEquals(MaskNumbers(e.Value), e.Value)) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, MaskNumbers(e.Value)))),
        _ => value,
    };

    // Eleven digits, optionally split as 6+5 by a space, not part of a longer number.
    // A stand-alone token: not inside a longer number, and not inside an alphanumeric id such as a hex trace id
    // ("…a12838510068f…"), which would otherwise lose its correlation value about once in fifty.
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6} ?\d{5}(?![0-9A-Za-z])")]
    private static partial Regex ElevenDigits();
}
