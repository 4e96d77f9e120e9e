namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>
/// docs/case-states.md is generated from the transition table (DESIGN.md §9), so the diagram can never drift from
/// the code. With UPDATE_DOCS=1 the test writes the file instead of comparing.
/// </summary>
public class CaseStatesDocumentTests
{
    [Fact]
    public void Docs_case_states_md_is_the_diagram_and_table_generated_from_CaseTransitions()
    {
        var path = Path.Combine(RepositoryRoot(), CaseStatesDocument.RelativePath);
        var expected = CaseStatesDocument.Render();

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path), $"{CaseStatesDocument.RelativePath} is missing; run UPDATE_DOCS=1 dotnet test tests/SkoleskyssSak.Domain.Tests");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            expected == actual,
            $"{CaseStatesDocument.RelativePath} is out of date with CaseTransitions; run UPDATE_DOCS=1 dotnet test tests/SkoleskyssSak.Domain.Tests and commit the file.");
    }

    [Fact]
    public void The_diagram_has_one_edge_per_pair_of_states_and_names_every_trigger_of_the_table()
    {
        var document = CaseStatesDocument.Render();
        var diagram = document[document.IndexOf("stateDiagram-v2", StringComparison.Ordinal)..document.IndexOf("```\n\n## States", StringComparison.Ordinal)];
        var edges = diagram.Split('\n').Where(l => l.Contains("-->", StringComparison.Ordinal) && !l.Contains("[*]", StringComparison.Ordinal)).ToList();

        Assert.Equal(SkoleskyssSak.Domain.Cases.CaseTransitions.All.Select(t => (t.From, t.To)).Distinct().Count(), edges.Count);
        Assert.All(SkoleskyssSak.Domain.Cases.CaseTransitions.All, t =>
            Assert.Contains(edges, e => e.StartsWith($"    {t.From} --> {t.To} : ", StringComparison.Ordinal) && e.Contains(t.Trigger.ToString(), StringComparison.Ordinal)));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkoleskyssSak.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SkoleskyssSak.sln not found above " + AppContext.BaseDirectory);
    }
}
