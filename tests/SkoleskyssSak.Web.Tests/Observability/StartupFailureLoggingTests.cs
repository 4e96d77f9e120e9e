using System.Diagnostics;
using System.Text.Json;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests.Observability;

/// <summary>
/// A start-up failure is logged by the bootstrap logger from the first line of Program.cs, as JSON like every other
/// line outside Development (a log shipper that only reads JSON still sees why the app did not start), scrubbed.
/// </summary>
public sealed class StartupFailureLoggingTests
{
    [Fact]
    public async Task A_production_app_that_cannot_start_writes_a_fatal_json_line()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryFiles.Root(), "src", "SkoleskyssSak.Web", "bin", configuration, "net10.0", "SkoleskyssSak.Web.dll");
        Assert.True(File.Exists(dll), $"The app is not built: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Database"] = string.Empty;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        var fatal = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .SingleOrDefault(l => l.TryGetProperty("@l", out var level) && level.GetString() == "Fatal");
        Assert.True(fatal.ValueKind == JsonValueKind.Object, "No Fatal JSON line on stdout:\n" + await stdout + "\n" + await stderr);
        Assert.Contains("ConnectionStrings:Database is not configured", fatal.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.Equal("SkoleskyssSak", fatal.GetProperty("Application").GetString());
    }
}
