using System.Text.Json;

namespace SkoleskyssSak.Web.Api;

/// <summary>The route vocabulary's value for an enum, as the API and the forms write it (DESIGN.md §5): "footAndCyclePath".</summary>
public static class Vocabulary
{
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
