using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Documents;

namespace SkoleskyssSak.Benchmarks;

/// <summary>
/// Issue 5's letter target: at least 20 decision letters per second on 2 cores with a warm browser, Chromium's memory
/// under 1.2 GiB. Prints the real decision letter (benchmarks/letters/decision-letter.html, written by DecisionTests
/// from the Letter template with UPDATE_DOCS=1) through the production ChromiumPdfRenderer, all letters queued at once
/// as a burst of issued decisions would be, and samples the proportional memory (PSS) of every Chromium process.
/// Run: dotnet run -c Release --project benchmarks/SkoleskyssSak.Benchmarks -- letters [count] [poolSize]
/// </summary>
public static class LetterThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400;
        var pool = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : new PdfOptions().PoolSize;
        var html = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "benchmarks", "letters", "decision-letter.html"));
        await using var renderer = new ChromiumPdfRenderer(Options.Create(new PdfOptions { PoolSize = pool }), NullLogger<ChromiumPdfRenderer>.Instance);
        var request = new PdfDocumentRequest(html, FooterLabel: "2026/00001");

        // Warm: the browser is started and every page of the pool has printed once.
        await Task.WhenAll(Enumerable.Range(0, pool * 2).Select(_ => renderer.RenderAsync(request, CancellationToken.None)));

        using var sampling = new CancellationTokenSource();
        var peak = Task.Run(() => PeakChromiumPssAsync(sampling.Token));
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        var bytes = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var started = clock.Elapsed;
            var pdf = await renderer.RenderAsync(request, CancellationToken.None);
            latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
            return pdf.Length;
        }));
        clock.Stop();
        await sampling.CancelAsync();
        var peakKb = await peak;

        Array.Sort(latencies);
        var perSecond = count / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"letters={count} pool={pool} elapsed={clock.Elapsed.TotalSeconds:0.00}s throughput={perSecond:0.0} letters/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pdf size={bytes.Average() / 1024:0.0} KiB, queue+render p50={latencies[count / 2]:0} ms p95={latencies[(int)(count * 0.95)]:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chromium peak PSS={peakKb / 1024.0:0} MiB (target < 1229 MiB)"));
        return perSecond >= 20 && peakKb < 1.2 * 1024 * 1024 ? 0 : 1;
    }

    /// <summary>The highest sum of PSS (kB) over all Chromium processes, sampled every 50 ms.</summary>
    private static async Task<long> PeakChromiumPssAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            long total = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
            {
                try
                {
                    var command = await File.ReadAllTextAsync(Path.Combine(dir, "comm"), CancellationToken.None);
                    if (!command.StartsWith("chrom", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var rollup = await File.ReadAllLinesAsync(Path.Combine(dir, "smaps_rollup"), CancellationToken.None);
                    var pss = rollup.FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                    total += pss is null ? 0 : long.Parse(pss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // The process ended while being read.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }

            peak = Math.Max(peak, total);
            try
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SkoleskyssSak.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from within the repository.");
    }
}
