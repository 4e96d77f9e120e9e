using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkoleskyssSak.Web.Api;

/// <summary>JSON of the public API (DESIGN.md §5): camelCase names and enum values; numbers are never enums.</summary>
internal static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }

    /// <summary>"Legs[1].SpeedLimit" (a validator's property path) → "legs[1].speedLimit" (the JSON field).</summary>
    public static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>"$.legs[1].roadCategory" (a JsonException path) → "legs[1].roadCategory".</summary>
    public static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
