using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace SkoleskyssSak.Web.Tests.Observability;

/// <summary>
/// The request log (Serilog.AspNetCore's request logging, docs/operations.md "Logs"): one compact JSON line per request
/// with the route template, never the raw path (it can carry ids), the status, the level by status, and the trace id
/// of the request, the same one the caller sent in <c>traceparent</c>.
/// </summary>
public sealed class RequestLoggingTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_request_is_one_line_with_the_route_template_and_its_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var response = await SendAsync("/api/v1/municipalities/4647/defined-segments", traceId);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);

        var line = Assert.Single(await RequestLinesAsync(traceId));
        Assert.Equal("/api/v1/municipalities/{number}/defined-segments", line.GetProperty("RequestPath").GetString());
        Assert.Equal("GET", line.GetProperty("RequestMethod").GetString());
        Assert.Equal((int)response.StatusCode, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal(traceId, line.GetProperty("@tr").GetString());
        Assert.Equal(traceId, line.GetProperty("TraceId").GetString());
        Assert.False(line.TryGetProperty("@l", out _)); // Information
        Assert.Equal("Serilog.AspNetCore.RequestLoggingMiddleware", line.GetProperty("SourceContext").GetString());
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("/4647/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_address_with_an_id_in_it_is_logged_without_the_path()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        const string Id = "5d0c3bbf-33a4-4a8f-9c6e-2b1f6c0d9e71";
        var response = await SendAsync($"/finst-ikkje/{Id}?fnr=12838510068", traceId);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        var line = Assert.Single(await RequestLinesAsync(traceId));
        Assert.Equal(404, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal("(no route)", line.GetProperty("RequestPath").GetString()); // not the /feil/404 page that answered it
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Id, StringComparison.Ordinal) || l.Contains("fnr", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_with_an_id_in_its_address_is_logged_by_its_template()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        const string Id = "0f8fad5b-d9cb-469f-a165-70867728950e";
        await SendAsync($"/ansatt/saker/{Id}", traceId);

        var line = Assert.Single(await RequestLinesAsync(traceId));
        Assert.StartsWith("/ansatt/saker/{", line.GetProperty("RequestPath").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_line_written_during_a_request_carries_its_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        await SendAsync("/innlogging/ansatt", traceId);

        var lines = Lines().Where(l => l.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId).ToList();
        Assert.NotEmpty(lines);
        Assert.All(Lines().Where(l => l.GetProperty("@mt").GetString()!.StartsWith("HTTP ", StringComparison.Ordinal)), l => Assert.True(l.TryGetProperty("@tr", out _)));
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string traceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        return await app.NewClient().Http.SendAsync(request);
    }

    /// <summary>The request lines of one trace; the line is written as the response completes, so wait a moment for it.</summary>
    private async Task<List<JsonElement>> RequestLinesAsync(string traceId)
    {
        for (var i = 0; ; i++)
        {
            var lines = Lines()
                .Where(l => l.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId && l.TryGetProperty("RequestPath", out _))
                .ToList();
            if (lines.Count > 0 || i == 50)
            {
                await Task.Delay(100); // a second line, if there were one, would have come by now
                return Lines().Where(l => l.TryGetProperty("@tr", out var tr) && tr.GetString() == traceId && l.TryGetProperty("RequestPath", out _)).ToList();
            }

            await Task.Delay(50);
        }
    }

    private List<JsonElement> Lines() =>
        app.Logs.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
