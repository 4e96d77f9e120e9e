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
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        inner.Format(logEvent, buffer);
        output.Write(Scrub(buffer.ToString()));
    }

    public static string Scrub(string text) => ElevenDigits().Replace(text, Mask);

    // Eleven digits, optionally split as 6+5 by a space, not part of a longer number.
    [GeneratedRegex(@"(?<!\d)\d{6} ?\d{5}(?!\d)")]
    private static partial Regex ElevenDigits();
}
