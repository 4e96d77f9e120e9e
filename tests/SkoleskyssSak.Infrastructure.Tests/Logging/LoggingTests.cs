using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Hosting.Internal;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using SkoleskyssSak.Infrastructure.Logging;

namespace SkoleskyssSak.Infrastructure.Tests.Logging;

/// <summary>
/// DESIGN.md §8: no fødselsnummer in logs (personopplysningsloven / GDPR art. 5(1)(c) and 32, offentleglova
/// § 13). The scrubbing formatter is the last line of defence; the JSON lines must stay parseable for the
/// log shipper, or the lines are lost.
/// </summary>
public class LoggingTests
{
    private const string BirthNumber = "12838510068";

    public static TheoryData<string> PersonalNumbers => new()
    {
        BirthNumber,
        "128385 10068", // written 6+5, as on letters
        "45019010086", // D-nummer
        "99999999999", // any eleven digits: the scrubber does not check mod 11, it cannot know a typo from a number
    };

    [Theory]
    [MemberData(nameof(PersonalNumbers))]
    public void Eleven_digits_in_a_property_are_masked(string number)
    {
        var output = Format(new PersonalDataScrubbingFormatter(new CompactJsonFormatter()), log => log.Information("Søknad frå {Applicant} registrert", number));

        Assert.DoesNotContain(number, output, StringComparison.Ordinal);
        Assert.DoesNotContain(number.Replace(" ", string.Empty, StringComparison.Ordinal), output, StringComparison.Ordinal);
        Assert.Contains(PersonalDataScrubbingFormatter.Mask, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eleven_digits_in_an_exception_message_and_in_the_template_are_masked()
    {
        var output = Format(
            new PersonalDataScrubbingFormatter(new CompactJsonFormatter()),
            log => log.Error(new InvalidOperationException($"Ingen person med nummer {BirthNumber}"), "Oppslag på 128385 10068 feila"));

        Assert.DoesNotContain(BirthNumber, output, StringComparison.Ordinal);
        Assert.DoesNotContain("128385 10068", output, StringComparison.Ordinal);
        var json = ParseSingleLine(output);
        Assert.Contains("Ingen person med nummer " + PersonalDataScrubbingFormatter.Mask, json.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.Equal("Oppslag på " + PersonalDataScrubbingFormatter.Mask + " feila", json.GetProperty("@mt").GetString());
    }

    [Theory]
    [InlineData("4647")] // kommunenummer
    [InlineData("2026/00042")] // case number
    [InlineData("1283851006")] // ten digits
    [InlineData("128385100680")] // twelve digits: not a fødselsnummer shape
    [InlineData("12345678901234567890")]
    [InlineData("1234567 12345")] // 7+5 is not the 6+5 way of writing one
    [InlineData("974760673")] // organisasjonsnummer (nine digits)
    public void Other_numbers_are_left_alone(string value)
    {
        var output = Format(new PersonalDataScrubbingFormatter(new CompactJsonFormatter()), log => log.Information("Verdi {Value}", value));

        Assert.Contains(value, output, StringComparison.Ordinal);
        Assert.DoesNotContain(PersonalDataScrubbingFormatter.Mask, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12838510068L)]
    [InlineData(10000000000L)] // e.g. a byte count or Stopwatch ticks: masked too, but the line must stay JSON
    public void Scrubbed_json_stays_valid_when_the_number_is_a_json_number(long value)
    {
        var output = Format(new PersonalDataScrubbingFormatter(new CompactJsonFormatter()), log => log.Information("Tal {Number}", value));

        var json = ParseSingleLine(output);
        Assert.DoesNotContain(value.ToString(CultureInfo.InvariantCulture), output, StringComparison.Ordinal);
        Assert.Equal(PersonalDataScrubbingFormatter.Mask, json.GetProperty("Number").GetString());
        Assert.False(json.TryGetProperty("@tr", out _)); // no activity, so no made-up all-zero trace id either
    }

    [Theory]
    [InlineData("0af7651916cd43dd8448eb211c80319c")]
    [InlineData("ab12838510068cdef0123456789abcde")] // eleven digits inside a hex id
    [InlineData("12838510068abcdef0123456789abcde")]
    public void Hex_ids_such_as_trace_ids_are_left_intact(string traceLike)
    {
        var output = Format(new PersonalDataScrubbingFormatter(new CompactJsonFormatter()), log => log.Information("Trace {Trace}", traceLike));
        Assert.Equal(traceLike, ParseSingleLine(output).GetProperty("Trace").GetString());
    }

    [Theory]
    [InlineData("fnr=12838510068")]
    [InlineData("/mine-saker/12838510068")]
    [InlineData("c-12838510068")]
    [InlineData("(12838510068)")]
    public void A_fodselsnummer_between_punctuation_is_still_masked(string text)
    {
        var output = Format(new PersonalDataScrubbingFormatter(new CompactJsonFormatter()), log => log.Information("Value {Value}", text));
        Assert.DoesNotContain("12838510068", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrubbed_json_stays_valid_for_numbers_nested_in_objects_and_lists_and_keeps_the_trace()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var output = Format(
            new PersonalDataScrubbingFormatter(new CompactJsonFormatter()),
            log => log.Information("Data {@Applicant} {Amount}", new { Number = 12838510068L, Siblings = new List<long> { 3909010038L, 2L } }, 12838510068.5m));

        var json = ParseSingleLine(output);
        Assert.DoesNotContain("12838510068", output, StringComparison.Ordinal);
        Assert.Equal(PersonalDataScrubbingFormatter.Mask, json.GetProperty("Applicant").GetProperty("Number").GetString());
        Assert.Equal(3909010038L, json.GetProperty("Applicant").GetProperty("Siblings")[0].GetInt64()); // ten digits stay
        Assert.Equal(PersonalDataScrubbingFormatter.Mask, json.GetProperty("Amount").GetString());
        Assert.Equal(activity.TraceId.ToHexString(), json.GetProperty("@tr").GetString());
    }

    [Fact]
    public void Compact_json_line_has_timestamp_level_template_message_and_properties()
    {
        var output = Format(new CompactJsonFormatter(), log => log.ForContext("SourceContext", "SkoleskyssSak.Test")
            .Warning("Sak {CaseNumber} for {Municipality} har {Count} vedlegg, \"sitat\" og linjeskift\nher", "2026/00042", "Sunnfjord", 3));

        Assert.EndsWith(Environment.NewLine, output, StringComparison.Ordinal);
        var json = ParseSingleLine(output);
        var timestamp = DateTimeOffset.Parse(json.GetProperty("@t").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("Z", json.GetProperty("@t").GetString(), StringComparison.Ordinal);
        Assert.Equal("Warning", json.GetProperty("@l").GetString());
        Assert.Equal("Sak {CaseNumber} for {Municipality} har {Count} vedlegg, \"sitat\" og linjeskift\nher", json.GetProperty("@mt").GetString());
        Assert.False(json.TryGetProperty("@m", out _)); // CLEF: the template and the properties, the reader renders
        Assert.Equal("2026/00042", json.GetProperty("CaseNumber").GetString());
        Assert.Equal(3, json.GetProperty("Count").GetInt32());
        Assert.Equal("SkoleskyssSak.Test", json.GetProperty("SourceContext").GetString());
        Assert.False(json.TryGetProperty("@x", out _));
    }

    [Fact]
    public void Compact_json_line_has_the_exception_under_x()
    {
        var output = Format(new CompactJsonFormatter(), log => log.Error(new InvalidOperationException("Noko gjekk gale"), "Feil ved utsending"));

        var json = ParseSingleLine(output);
        Assert.Equal("Error", json.GetProperty("@l").GetString());
        Assert.StartsWith("System.InvalidOperationException: Noko gjekk gale", json.GetProperty("@x").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_json_line_carries_the_trace_and_span_of_the_current_activity()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var output = Format(new CompactJsonFormatter(), log => log.Information("Med sporing"));

        var json = ParseSingleLine(output);
        Assert.Equal(activity.TraceId.ToHexString(), json.GetProperty("@tr").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), json.GetProperty("@sp").GetString());
    }

    [Fact]
    public void Property_names_starting_with_at_are_escaped_so_they_cannot_pose_as_CLEF_fields()
    {
        var output = Format(new CompactJsonFormatter(), log => log.ForContext("@l", "Fatal").Warning("Hei"));

        var json = ParseSingleLine(output);
        Assert.Equal("Warning", json.GetProperty("@l").GetString());
        Assert.Equal("Fatal", json.GetProperty("@@l").GetString());
    }

    [Fact]
    public void Compact_json_line_leaves_out_the_level_for_information_as_CLEF_does()
    {
        var json = ParseSingleLine(Format(new CompactJsonFormatter(), log => log.Information("Hei")));

        Assert.False(json.TryGetProperty("@l", out _)); // an absent @l means Information (CLEF)
        Assert.Equal("Hei", json.GetProperty("@mt").GetString());
    }

    [Fact]
    public void Format_strings_are_rendered_under_r_so_the_elapsed_time_reads_as_written()
    {
        var json = ParseSingleLine(Format(new CompactJsonFormatter(), log => log.Information("Ferdig på {Elapsed:0.0} ms", 4.2133)));

        Assert.Equal("4.2", json.GetProperty("@r")[0].GetString());
        Assert.Equal(4.2133, json.GetProperty("Elapsed").GetDouble());
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Development", false)]
    public void Every_environment_formats_through_the_scrubber(string environment, bool json)
    {
        var formatter = LoggingSetup.Formatter(new HostingEnvironment { EnvironmentName = environment });
        var output = Format(formatter, log => log.Information("Søknad frå {Applicant}", BirthNumber));

        Assert.IsType<PersonalDataScrubbingFormatter>(formatter);
        Assert.DoesNotContain(BirthNumber, output, StringComparison.Ordinal);
        Assert.Contains(PersonalDataScrubbingFormatter.Mask, output, StringComparison.Ordinal);
        Assert.Equal(json, output.StartsWith('{'));
    }

    /// <summary>Logs through a real Serilog pipeline and formats what reaches the sink.</summary>
    private static string Format(ITextFormatter formatter, Action<Serilog.ILogger> write)
    {
        var sink = new CapturingSink();
        using (var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger())
        {
            write(logger);
        }

        var logEvent = Assert.Single(sink.Events);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Format(logEvent, output);
        return output.ToString();
    }

    private static JsonElement ParseSingleLine(string output)
    {
        var line = Assert.Single(output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        using var document = JsonDocument.Parse(line);
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    private sealed class CapturingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
