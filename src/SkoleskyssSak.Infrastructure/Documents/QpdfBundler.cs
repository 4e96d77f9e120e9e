using System.Diagnostics;
using System.Globalization;
using System.Text;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Infrastructure.Documents;

/// <summary>
/// <see cref="IPdfBundler"/> by the <c>qpdf</c> command (installed by scripts/install-prerequisites.sh): the files go
/// through a private temporary folder that is deleted afterwards.
/// </summary>
public sealed class QpdfBundler : IPdfBundler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public async Task<int> CountPagesAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var folder = CreateFolder();
        try
        {
            var path = Path.Combine(folder, "in.pdf");
            await File.WriteAllBytesAsync(path, pdf, cancellationToken);
            var output = await RunAsync(["--show-npages", path], cancellationToken);
            return int.Parse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async Task<byte[]> MergeAsync(IReadOnlyList<byte[]> pdfs, CancellationToken cancellationToken)
    {
        var folder = CreateFolder();
        try
        {
            var arguments = new List<string> { "--empty", "--pages" };
            for (var i = 0; i < pdfs.Count; i++)
            {
                var path = Path.Combine(folder, $"{i:D4}.pdf");
                await File.WriteAllBytesAsync(path, pdfs[i], cancellationToken);
                arguments.Add(path);
            }

            var output = Path.Combine(folder, "out.pdf");
            arguments.Add("--");
            arguments.Add(output);
            await RunAsync(arguments, cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public async Task<byte[]> OverlayAsync(byte[] pdf, byte[] overlay, CancellationToken cancellationToken)
    {
        var folder = CreateFolder();
        try
        {
            var under = Path.Combine(folder, "in.pdf");
            var over = Path.Combine(folder, "overlay.pdf");
            var output = Path.Combine(folder, "out.pdf");
            await File.WriteAllBytesAsync(under, pdf, cancellationToken);
            await File.WriteAllBytesAsync(over, overlay, cancellationToken);
            await RunAsync([under, "--overlay", over, "--", output], cancellationToken);
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// <c>qpdf --check</c> (exit 0, or 3 for warnings it can repair) and at least one page; then the objects as JSON
    /// (object streams decoded) searched for the names that carry active content.
    /// </summary>
    public async Task<PdfInspection> InspectAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var folder = CreateFolder();
        try
        {
            var path = Path.Combine(folder, "in.pdf");
            await File.WriteAllBytesAsync(path, pdf, cancellationToken);
            string objects;
            try
            {
                await RunAsync(["--check", path], cancellationToken);
                var pages = await RunAsync(["--show-npages", path], cancellationToken);
                if (!int.TryParse(pages.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                {
                    return new PdfInspection(Readable: false, HasActiveContent: false);
                }

                objects = await RunAsync(["--json=2", "--json-key=qpdf", path], cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // qpdf refused the file, or gave up on it within the time limit.
                return new PdfInspection(Readable: false, HasActiveContent: false);
            }

            return new PdfInspection(Readable: true, HasActiveContent: ActiveContentNames.Any(name => objects.Contains(name, StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Dictionary keys and name values (qpdf JSON v2 writes strings as "u:…", so text in a string never matches).</summary>
    private static readonly string[] ActiveContentNames =
        ["\"/JS\":", "\"/JavaScript\"", "\"/Launch\"", "\"/EmbeddedFiles\":", "\"/EmbeddedFile\"", "\"/RichMedia\""];

    private static string CreateFolder() => Directory.CreateTempSubdirectory("skoleskyss-bundle-").FullName;

    private static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("qpdf")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start qpdf.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A file that keeps qpdf busy must not leave it running.
            process.Kill(entireProcessTree: true);
            throw;
        }

        // qpdf exits with 3 for warnings (the output is still written).
        if (process.ExitCode is not 0 and not 3)
        {
            throw new InvalidOperationException($"qpdf exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
