using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics (ASP.NET Core, HttpClient, Npgsql, the .NET runtime), exported by OTLP when an
/// endpoint is configured: <c>OpenTelemetry:Endpoint</c> (with <c>OpenTelemetry:Protocol</c>, <c>Grpc</c> or
/// <c>HttpProtobuf</c>) or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_SERVICE_NAME</c>, …, read by the exporter itself). Without an endpoint nothing is registered: no
/// exporter, no provider. Log lines carry the trace id either way (Serilog reads the current activity).
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "SkoleskyssSak";

    public static IServiceCollection AddSkoleskyssTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(standardEndpoint))
        {
            return services;
        }

        OtlpExportProtocol? protocol = null;
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            {
                throw new InvalidOperationException("OpenTelemetry:Endpoint must be an absolute address, e.g. http://otel-collector:4318.");
            }

            protocol = configuration["OpenTelemetry:Protocol"] is { Length: > 0 } name
                ? Enum.TryParse<OtlpExportProtocol>(name, ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException("OpenTelemetry:Protocol must be Grpc or HttpProtobuf.")
                : OtlpExportProtocol.HttpProtobuf;
        }

        // With the config key the endpoint is the collector's base address; OTLP/HTTP wants the signal's path on it
        // (the exporter adds it itself only for the standard environment variable).
        void Export(OtlpExporterOptions o, string signalPath)
        {
            if (protocol is { } chosen)
            {
                o.Protocol = chosen;
                o.Endpoint = chosen == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint!.TrimEnd('/') + signalPath) : new Uri(endpoint!);
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(o => Export(o, "/v1/traces")))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(o => Export(o, "/v1/metrics")));
        return services;
    }
}
