using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SkoleskyssSak.Web.Tests.Observability;

/// <summary>
/// OpenTelemetry (docs/operations.md "Traces and metrics"): with an OTLP endpoint configured the app exports the span of
/// a request to it (a real OTLP/HTTP receiver on loopback), and the request's log line carries the same trace id;
/// with none configured no exporter and no provider is registered.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_no_exporter_is_registered()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        _ = app.CreateClient();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("OpenTelemetry:Endpoint")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public async Task With_an_endpoint_the_span_of_a_request_reaches_the_OTLP_receiver(string key)
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var traceId = ActivityTraceId.CreateRandom();
        await using (var app = new AppFixture())
        {
            await app.InitializeAsync();
            app.Settings[key] = receiver.Address;
            app.Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            app.Settings["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            var client = app.CreateClient();
            Assert.NotNull(app.Services.GetService<TracerProvider>());
            Assert.NotNull(app.Services.GetService<MeterProvider>());

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/municipalities", UriKind.Relative));
            request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode);

            var deadline = Stopwatch.StartNew();
            while (!receiver.HasTrace(traceId) && deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }

            var line = app.Logs.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())
                .SingleOrDefault(l => l.TryGetProperty("RequestPath", out var path) && path.GetString()!.StartsWith("/api/v1/municipalities", StringComparison.Ordinal)
                    && l.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId.ToHexString());
            Assert.True(line.ValueKind == JsonValueKind.Object, $"traces {receiver.Traces.Count}, has {receiver.HasTrace(traceId)}\n" + app.Logs.Text);
            Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
        }

        Assert.True(receiver.HasTrace(traceId), $"No span of trace {traceId} among {receiver.Traces.Count} OTLP trace exports.");
        Assert.All(receiver.ContentTypes, t => Assert.Equal("application/x-protobuf", t));
        Assert.Contains(receiver.Traces, body => Contains(body, "/api/v1/municipalities"u8.ToArray()));
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A real OTLP/HTTP endpoint: Kestrel on a free loopback port, accepting POST /v1/traces and /v1/metrics.</summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication host;

        private OtlpReceiver(WebApplication host, string address)
        {
            this.host = host;
            Address = address;
        }

        public string Address { get; }

        public ConcurrentQueue<byte[]> Traces { get; } = new();

        public ConcurrentBag<string> ContentTypes { get; } = [];

        public static async Task<OtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var host = builder.Build();
            OtlpReceiver? receiver = null;
            host.MapPost("/v1/traces", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver!.Traces.Enqueue(body.ToArray());
                receiver.ContentTypes.Add(context.Request.ContentType ?? string.Empty);
                return Results.Ok();
            });
            host.MapPost("/v1/metrics", () => Results.Ok());
            await host.StartAsync();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            receiver = new OtlpReceiver(host, address);
            return receiver;
        }

        /// <summary>A span of the trace: OTLP carries the trace id as its 16 raw bytes.</summary>
        public bool HasTrace(ActivityTraceId traceId)
        {
            var bytes = new byte[16];
            traceId.CopyTo(bytes);
            return Traces.Any(body => Contains(body, bytes));
        }

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }
}
