namespace SkoleskyssSak.Testing;

/// <summary>Files of the repository the tests read or (with UPDATE_DOCS=1) write, such as docs and benchmark fixtures.</summary>
public static class RepositoryFiles
{
    public static string Root()
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
