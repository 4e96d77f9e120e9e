using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Infrastructure.Seeding;

/// <summary>
/// The published guidelines of the four municipalities as rulebook documents (Seeding/Rulebooks/*.json, embedded),
/// encoded from ../shared/seeds. They are real data, not demo data: every environment gets them.
/// </summary>
public static class RulebookSeeds
{
    private const string Prefix = "SkoleskyssSak.Rulebooks.";

    private static readonly Lazy<IReadOnlyList<RulebookDocument>> Documents = new(Load);

    public static IReadOnlyList<RulebookDocument> All => Documents.Value;

    public static RulebookDocument For(string municipalityNumber) =>
        All.Single(d => d.MunicipalityNumber == municipalityNumber);

    private static List<RulebookDocument> Load()
    {
        var assembly = typeof(RulebookSeeds).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return RulebookDocument.Parse(reader.ReadToEnd());
            })
            .ToList();
    }
}
