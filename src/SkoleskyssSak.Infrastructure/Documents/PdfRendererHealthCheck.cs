using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SkoleskyssSak.Infrastructure.Documents;

/// <summary>
/// Reports the PDF renderer without launching Chromium: not started yet is healthy (it starts on first use);
/// a failed launch or print is degraded, so letters are at risk but the rest of the service works.
/// </summary>
public sealed class PdfRendererHealthCheck(ChromiumPdfRenderer renderer, Microsoft.Extensions.Options.IOptions<PdfOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var installed = File.Exists(options.Value.ChromiumPath);
        var data = new Dictionary<string, object> { ["status"] = renderer.Status.ToString(), ["chromiumInstalled"] = installed };
        return Task.FromResult(renderer.Status switch
        {
            PdfRendererStatus.Failed => HealthCheckResult.Degraded("The PDF renderer failed: " + renderer.LastError, data: data),
            _ when !installed => HealthCheckResult.Degraded("Chromium is not installed; letters cannot be printed.", data: data),
            _ => HealthCheckResult.Healthy(renderer.Status == PdfRendererStatus.Running ? "Chromium is running." : "Chromium starts on first use.", data),
        });
    }
}
