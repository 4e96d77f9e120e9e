using System.Text.Json;
using System.Text.RegularExpressions;

namespace SkoleskyssSak.Testing;

/// <summary>
/// Reads one line of the app's JSON log (CLEF as Serilog.Formatting.Compact writes it: <c>@mt</c> and the properties,
/// no rendered <c>@m</c>) back into the message a person would read, e.g. "HTTP GET /søknad responded 500 in 3.1 ms".
/// </summary>
public static class ClefLine
{
    /// <summary>A hole in a message template: {Name}, {@Name}, {$Name}, with optional alignment and format.</summary>
    private static readonly Regex Hole = new(@"\{(?<name>[@$]?[A-Za-z0-9_]+)(?<align>,-?\d+)?(?<format>:[^}]+)?\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The rendered message of a JSON log line (<c>@m</c> if present, else <c>@mt</c> filled in), or the line as it is.</summary>
    public static string Render(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return line;
            }

            if (root.TryGetProperty("@m", out var message))
            {
                return message.GetString() ?? line;
            }

            if (!root.TryGetProperty("@mt", out var template) || template.GetString() is not { } text)
            {
                return line;
            }

            // @r holds, in template order, the rendering of every hole that has a format ({Elapsed:0.0}, {Path:l}).
            var renderings = root.TryGetProperty("@r", out var r) && r.ValueKind == JsonValueKind.Array
                ? r.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
                : [];
            var formatted = 0;
            return Hole.Replace(text, hole =>
            {
                if (hole.Groups["format"].Success && formatted < renderings.Count)
                {
                    return renderings[formatted++];
                }

                var name = hole.Groups["name"].Value.TrimStart('@', '$');
                return root.TryGetProperty(name, out var value)
                    ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText()
                    : hole.Value;
            });
        }
        catch (JsonException)
        {
            return line;
        }
    }
}
