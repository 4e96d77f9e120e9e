using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Fault.Tests;

/// <summary>
/// The app as a real child process (<c>dotnet SkoleskyssSak.Web.dll</c> from the Web project's build output) on a fixed
/// free loopback port against its own database, configured as <see cref="SkoleskyssAppFactory"/> configures the in-process
/// app (Testing environment, demo data, TestID). It can be killed (SIGKILL, no shutdown of any kind) and started again on
/// the same port; it is always killed on dispose.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private const int MaxOutputChars = 4_000_000;
    private readonly string connectionString;
    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), "ssk-fault-mail-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly StringBuilder output = new();
    private Process? process;

    public AppProcess(string connectionString)
    {
        this.connectionString = connectionString;
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public int Port { get; }

    /// <summary>The app's database (the app's own role).</summary>
    public string ConnectionString => connectionString;

    public Uri BaseAddress { get; }

    /// <summary>How many times the process was started (the first start included).</summary>
    public int Starts { get; private set; }

    /// <summary>Everything the app wrote to stdout and stderr over all its lives (bounded).</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The built Web assembly of the same configuration as this test assembly (Debug or Release).</summary>
    public static string WebAssembly()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryFiles.Root(), "src", "SkoleskyssSak.Web", "bin", configuration, "net10.0", "SkoleskyssSak.Web.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The app is not built: {path} is missing (dotnet build SkoleskyssSak.sln).");
    }

    /// <summary>Starts the app and waits until /health/ready answers 200 (migrations applied, database reachable).</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("The app is already running.");
        }

        var dll = WebAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = BaseAddress.GetLeftPart(UriPartial.Authority),
            ["ConnectionStrings__Database"] = connectionString,
            ["Seed__DemoData"] = "true",
            ["IdPorten__Mode"] = "TestId",
            ["Security__CitizenPseudonym__Key"] = "test-only-pseudonym-key-0123456789abcdef",
            ["RateLimiting__LoginPerMinute"] = "100000",
            ["Email__PickupDirectory"] = mailFolder,
            ["InterimReplies__Enabled"] = "false",
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        Starts++;
        Append($"--- start {Starts} (pid {process.Id}) ---");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} while starting:\n{Tail()}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: the process ends at once, requests in flight are cut off, nothing is flushed or shut down.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        await process.WaitForExitAsync();
        Append($"--- killed (pid {process.Id}) ---");
        process.Dispose();
        process = null;
    }

    /// <summary>The last lines the app wrote, for a failure message.</summary>
    public string Tail(int chars = 6000)
    {
        var text = Output;
        return text.Length <= chars ? text : text[^chars..];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            if (Directory.Exists(mailFolder))
            {
                Directory.Delete(mailFolder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < MaxOutputChars)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
