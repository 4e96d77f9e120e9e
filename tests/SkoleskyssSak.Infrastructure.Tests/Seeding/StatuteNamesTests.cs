using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Seeding;

/// <summary>
/// Statutes are cited by their current names. Lov 4. juli 2003 nr. 84 om private skolar med rett til statstilskot
/// has been "privatskolelova" since lov 10. juni 2022 nr. 39; "friskolelova" may appear only in a note that says what
/// the law was formerly called.
/// </summary>
public sealed class StatuteNamesTests
{
    private static readonly string[] Extensions = [".cs", ".cshtml", ".resx", ".json", ".md"];

    [Fact]
    public void Privatskolelova_is_not_called_friskolelova_in_code_texts_letters_or_docs()
    {
        var root = RepositoryFiles.Root();
        var offending = new List<string>();
        foreach (var folder in new[] { "src", "docs" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                if (!Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                var lineNumber = 0;
                foreach (var line in File.ReadLines(file))
                {
                    lineNumber++;
                    if (line.Contains("friskolelov", StringComparison.OrdinalIgnoreCase)
                        && !line.Contains("formerly", StringComparison.OrdinalIgnoreCase)
                        && !line.Contains("named friskolelova until", StringComparison.Ordinal))
                    {
                        offending.Add($"{Path.GetRelativePath(root, file)}:{lineNumber}");
                    }
                }
            }
        }

        Assert.Empty(offending);
    }
}
