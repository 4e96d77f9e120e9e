using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SkoleskyssSak.Testing;
using Xunit.Abstractions;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 10's robustness suite: a bounded, seeded fuzz run (loopback only, the in-process app with its own PostgreSQL)
/// over the public API and every form POST of the journeys (found by reading the pages), as nobody, a parent signed in
/// with TestID, a caseworker, a municipality admin and an appeal body: wrong types, huge numbers, deep JSON, invalid
/// UTF-8, NUL bytes, bad dates, unknown enum values, oversize and mangled bodies, unknown handlers. Any 5xx or broken
/// response fails the test with the seed and the request. Repeat a run with FUZZ_SEED; FUZZ_REQUESTS sets its size.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const string Melhus = "5028";
    private const int DefaultRequests = 2000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private static readonly string[] NastyValues =
    [
        "\0", "a\0b", "9223372036854775807", "-9223372036854775808", "2147483648", "-1", "0", "1e309", "NaN", "Infinity", "0x10",
        "9999-12-31", "0001-01-01", "0001-07-31", "2026-02-30", "31.12.9999", "yesterday", "true", "null", "[]", "{}",
        "<script>alert(1)</script>", "\"><img/src=x/onerror=alert(1)>@x.no", "'; DROP TABLE cases; --", "%00", "%ff%fe",
        "\uFFFD\uFEFF\u202E", "ÆØÅ æøå", "\ud83d\ude00", new string('x', 5000), "   ", "", "Unknown", "yearRound", "Refused",
        "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "1,5", "1.5.5", "+47 99", "9".PadLeft(400, '9'),
    ];

    private static readonly string[] ApplicationSteps = ["barn", "foresatte", "hjem", "skoleveg", "begrunnelse", "vedlegg", "kontroller"];

    private static readonly string[] Roles = ["Anonymous", "Parent", "Caseworker", "MunicipalityAdmin", "AppealBodyMember"];

    private sealed record Target(string Role, string Action, Dictionary<string, string> Fields, bool Multipart, IReadOnlyList<string> FileFields);

    [Fact]
    public async Task Thousands_of_malformed_requests_get_no_5xx_and_no_broken_response()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261207;
        var requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : DefaultRequests;
        await using var app = new AppFixture();
        await app.InitializeAsync();
        app.Settings["RateLimiting:PublicApiPerMinute"] = "1000000";

        var submitted = await SubmittedCases.ThroughHandlersAsync(app, Melhus, RobustnessTests.KariNordmann, "Kari Nordmann");
        var clients = new Dictionary<string, PageClient>();
        foreach (var role in Roles)
        {
            clients[role] = (await RobustnessTests.SignInAsync(app, role)).Client;
        }

        var draft = await ApplicationJourneyTests.StartAsync(clients["Parent"], Melhus);
        var seeds = new Dictionary<string, string[]>
        {
            ["Anonymous"] = ["/", "/sjekk-skolevegen?kommune=5028", "/innlogging/ansatt", "/innlogging/testid", "/forhandsvurderte-strekninger?kommune=5028"],
            ["Parent"] =
            [
                "/soknad", "/mine-saker", $"/mine-saker/{submitted}", .. ApplicationSteps.Select(step => $"/soknad/{draft}/{step}?kommune={Melhus}"),
            ],
            ["Caseworker"] = ["/ansatt/saker", $"/ansatt/saker/{submitted}", $"/ansatt/saker/{submitted}/vurdering", $"/ansatt/saker/{submitted}/vedtak"],
            ["MunicipalityAdmin"] = ["/admin/retningslinje/5028", "/admin/retningslinje/5028/versjon/1", "/admin/retningslinje/5028/versjon/1/rad", "/admin/retningslinje/5028/versjon/1/strekning", "/admin/brevmaler/5028"],
            ["AppealBodyMember"] = ["/klageinstans", "/klageinstans/statistikk"],
        };

        var targets = new List<Target>();
        var pages = new List<(string Role, string Url)>();
        foreach (var (role, urls) in seeds)
        {
            foreach (var url in urls)
            {
                var (_, page) = await clients[role].GetAsync(url);
                pages.Add((role, url));
                targets.AddRange(FormsOf(role, url, page));
            }
        }

        Assert.True(targets.Count >= 10, $"Only {targets.Count} forms found: {string.Join(", ", targets.Select(t => t.Action))}");
        output.WriteLine($"Fuzz seed {seed}: {requests} requests over {targets.Count} forms on {pages.Count} pages and the API.");

        var random = new Random(seed);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var i = 0; i < requests && clock.Elapsed < Budget && failures.Count < 10; i++, sent++)
        {
            using var request = Next(random, targets, pages, out var role);
            var description = await DescribeAsync(request, role);
            HttpResponseMessage response;
            try
            {
                response = await clients[role].Http.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
            {
                failures.Add($"seed {seed}, request {i}: {description}\n  → no response: {e.GetType().Name}: {e.Message}");
                continue;
            }

            using (response)
            {
                if (await ProblemWithAsync(request, response) is { } problem)
                {
                    failures.Add($"seed {seed}, request {i}: {description}\n  → {problem}");
                }
            }
        }

        output.WriteLine($"Sent {sent} requests in {clock.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The POST forms of a page (sign-out excluded: it would end the session), one target per submit button's formaction.</summary>
    private static IEnumerable<Target> FormsOf(string role, string url, IDocument page)
    {
        foreach (var form in page.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
            if (action.StartsWith("/utlogging", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = new Dictionary<string, string>();
            foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("submit" or "button" or "file")))
            {
                fields.TryAdd(input.Name!, input.Value);
            }

            foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            {
                fields[select.Name!] = select.Value ?? string.Empty;
            }

            foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
            {
                fields[area.Name!] = area.Value;
            }

            var files = form.QuerySelectorAll<IHtmlInputElement>("input[type=file][name]").Select(f => f.Name!).ToList();
            var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
            var actions = form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!).Append(action).Distinct();
            foreach (var each in actions)
            {
                yield return new Target(role, each, fields, multipart, files);
            }
        }
    }

    private static HttpRequestMessage Next(Random random, List<Target> targets, List<(string Role, string Url)> pages, out string role)
    {
        var roll = random.Next(100);
        if (roll < 25)
        {
            role = Pick(random, ["Anonymous", "Parent"]);
            return ApiAssessment(random);
        }

        if (roll < 32)
        {
            role = "Anonymous";
            return ApiGet(random);
        }

        if (roll < 40)
        {
            var (pageRole, url) = pages[random.Next(pages.Count)];
            role = random.Next(5) == 0 ? "Anonymous" : pageRole;
            return PageGet(random, url);
        }

        var target = targets[random.Next(targets.Count)];
        role = random.Next(8) == 0 ? Pick(random, Roles) : target.Role;
        return roll < 85 ? FormPost(random, target) : MangledPost(random, target);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Nasty(Random random) => Pick(random, NastyValues);

    /// <summary>The form as the page gave it, with one to three fields changed, dropped or added, and sometimes the handler.</summary>
    private static HttpRequestMessage FormPost(Random random, Target target)
    {
        var fields = new Dictionary<string, string>(target.Fields);
        var keys = fields.Keys.ToList();
        for (var changes = random.Next(1, 4); changes > 0; changes--)
        {
            switch (random.Next(6))
            {
                case 0 when keys.Count > 0:
                    fields.Remove(Pick(random, keys));
                    break;
                case 1:
                    fields[Pick(random, ["Revision", "Input.Grade", "Form.Grade", "Form.Legs[999999].Kind", "Input.Legs[2147483647].SpeedLimit", "caseId", "sak", "index"])] = Nasty(random);
                    break;
                default:
                    if (keys.Count > 0)
                    {
                        fields[Pick(random, keys)] = Nasty(random);
                    }

                    break;
            }
        }

        var action = target.Action;
        if (random.Next(6) == 0)
        {
            action = WithHandler(action, Pick(random, ["FinnesIkke", string.Empty, "Get", "%00", "Save%20"]));
        }

        HttpContent content;
        if (target.Multipart)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value) in fields)
            {
                multipart.Add(new StringContent(value), key);
            }

            foreach (var file in target.FileFields)
            {
                var bytes = random.Next(3) switch { 0 => "%PDF-1.4\n%%EOF\n"u8.ToArray(), 1 => RandomBytes(random, random.Next(0, 4096)), _ => [] };
                var part = new ByteArrayContent(bytes);
                part.Headers.ContentType = new MediaTypeHeaderValue(Pick(random, ["application/pdf", "image/png", "text/html", "application/octet-stream"]));
                multipart.Add(part, file, Pick(random, ["vedlegg.pdf", "../../x.pdf", "a%00b.pdf", new string('n', 300) + ".pdf", "bilde.png", "x"]));
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        return new HttpRequestMessage(random.Next(20) == 0 ? Pick(random, [HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch]) : HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = content };
    }

    /// <summary>Bodies no browser sends: invalid UTF-8, NUL bytes, keys over the limit, multipart without boundary or cut short, large.</summary>
    private static HttpRequestMessage MangledPost(Random random, Target target)
    {
        var token = target.Fields.GetValueOrDefault("__RequestVerificationToken") ?? string.Empty;
        var tokenField = "__RequestVerificationToken=" + Uri.EscapeDataString(token);
        var first = target.Fields.Keys.FirstOrDefault(k => k != "__RequestVerificationToken") ?? "Input.Name";
        (string ContentType, byte[] Body) mangled = random.Next(9) switch
        {
            0 => ("application/x-www-form-urlencoded", [.. Encoding.ASCII.GetBytes(tokenField + "&" + Uri.EscapeDataString(first) + "="), 0xC3, 0x28, 0xFF, 0xFE, 0x00, 0x80]),
            1 => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes($"{tokenField}&{Uri.EscapeDataString(first)}=a%00b")),
            2 => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes($"{tokenField}&{new string('k', random.Next(2049, 6000))}=1")),
            3 => ("multipart/form-data", Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n")),
            4 => ("multipart/form-data; boundary=x", Encoding.ASCII.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--x\r\nContent-Disposition: form-data; name=\"{first}\"\r\n\r\nab")),
            5 => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes($"{tokenField}&{Uri.EscapeDataString(first)}={new string('x', 2 * 1024 * 1024)}")),
            6 => ("application/json", Encoding.UTF8.GetBytes("{\"" + first + "\": 1}")),
            7 => ("text/plain", RandomBytes(random, 512)),
            _ => ("application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"k{i}=v")) + "&" + tokenField)),
        };
        var content = new ByteArrayContent(mangled.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", mangled.ContentType);
        return new HttpRequestMessage(HttpMethod.Post, new Uri(target.Action, UriKind.Relative)) { Content = content };
    }

    private static HttpRequestMessage PageGet(Random random, string url)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var key = Pick(random, ["kommune", "sak", "sortering", "etter", "side", "handler", "til", "sendt", "returnUrl", "school"]);
        return new HttpRequestMessage(HttpMethod.Get, new Uri(url + separator + key + "=" + Uri.EscapeDataString(Nasty(random)), UriKind.Relative));
    }

    private static HttpRequestMessage ApiGet(Random random)
    {
        // A NUL in the path itself is refused by the in-memory test server before the app (Kestrel answers it with 400).
        static string Segment(string value) => Uri.EscapeDataString(value.Replace("\0", "0", StringComparison.Ordinal));
        var number = Segment(Pick(random, ["5028", "4647", "0000", "abcd", Nasty(random)]));
        var url = random.Next(3) switch
        {
            0 => "/api/v1/municipalities",
            1 => $"/api/v1/municipalities/{number}/defined-segments?school={Uri.EscapeDataString(Nasty(random))}",
            _ => $"/api/v1/{Segment(Nasty(random))}",
        };
        return new HttpRequestMessage(random.Next(10) == 0 ? HttpMethod.Delete : HttpMethod.Get, new Uri(url, UriKind.Relative));
    }

    /// <summary>A valid route assessment with parts replaced by wrong types, huge numbers, bad dates, unknown enums, deep or broken JSON.</summary>
    private static HttpRequestMessage ApiAssessment(Random random)
    {
        var leg = new Dictionary<string, object?>
        {
            ["kind"] = "along", ["roadCategory"] = "county", ["speedLimit"] = 60, ["aadt"] = 1200, ["pedestrianFacility"] = "none",
            ["walkableSideArea"] = "partial", ["lighting"] = "none", ["crossingFacility"] = "none", ["secured"] = false,
        };
        var body = new Dictionary<string, object?>
        {
            ["municipalityNumber"] = Pick(random, ["5028", "4647", "1833", "3105"]), ["grade"] = random.Next(1, 11),
            ["date"] = "2027-01-10", ["distanceKm"] = 1.8, ["legs"] = new List<object?> { leg },
        };
        object?[] oddValues =
        [
            null, "x", -1, 0, long.MaxValue, double.MaxValue, 1e-300, true, "9999-12-31", "0001-01-01", "0001-07-31", "2026-13-01",
            "unknownValue", "\0", new List<object?>(), new Dictionary<string, object?>(), new string('9', 500), "Along", "ALONG", 3.5,
        ];
        for (var changes = random.Next(1, 4); changes > 0; changes--)
        {
            var value = Pick(random, oddValues);
            if (random.Next(2) == 0)
            {
                body[Pick(random, body.Keys.Append("extra").ToList())] = value;
            }
            else
            {
                leg[Pick(random, leg.Keys.Append("extra").ToList())] = value;
            }
        }

        if (random.Next(10) == 0)
        {
            body["legs"] = Enumerable.Repeat<object?>(leg, random.Next(0, 200)).ToList();
        }

        var json = JsonSerializer.Serialize(body);
        byte[] bytes = random.Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)),
            1 => Encoding.UTF8.GetBytes("{\"legs\":" + string.Concat(Enumerable.Repeat("[{\"kind\":", 100)) + "1" + string.Concat(Enumerable.Repeat("}]", 100)) + "}"),
            2 => [.. Encoding.UTF8.GetBytes(json[..^1] + ",\"municipalityNumber\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8],
            3 => Encoding.UTF8.GetBytes(json[..(json.Length / 2)]),
            4 => Encoding.UTF8.GetBytes(json.Replace("\"5028\"", "\"50\\u000028\"", StringComparison.Ordinal)),
            5 => Encoding.UTF8.GetBytes("{\"municipalityNumber\":\"5028\",\"grade\":3,\"legs\":[" + string.Join(',', Enumerable.Repeat("{\"kind\":\"crossing\",\"roadCategory\":\"county\"}", 20_000)) + "]}"),
            6 => [],
            7 => Encoding.UTF8.GetBytes("null"),
            _ => Encoding.UTF8.GetBytes(json),
        };
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", Pick(random, ["application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"]));
        return new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/route-assessments", UriKind.Relative)) { Content = content };
    }

    private static string WithHandler(string action, string handler)
    {
        var withoutHandler = System.Text.RegularExpressions.Regex.Replace(action, "([?&])handler=[^&]*&?", "$1").TrimEnd('?', '&');
        return withoutHandler + (withoutHandler.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>What is wrong with the answer, or null: a 5xx, a status outside 100–599, an error without its page or problem.</summary>
    private static async Task<string?> ProblemWithAsync(HttpRequestMessage request, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        var snippet = body.Length > 300 ? body[..300] : body;
        if (status is < 100 or > 599)
        {
            return $"broken status {status}";
        }

        if (status >= 500)
        {
            return $"{status} {mediaType}: {snippet}";
        }

        var isApi = response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
        if (status >= 400 && isApi)
        {
            if (mediaType != "application/problem+json")
            {
                return $"{status} from the API without a problem document ({mediaType}): {snippet}";
            }

            try
            {
                using var problem = JsonDocument.Parse(body);
                return problem.RootElement.TryGetProperty("status", out _) ? null : $"{status} problem without status: {snippet}";
            }
            catch (JsonException)
            {
                return $"{status} problem that is no JSON: {snippet}";
            }
        }

        if (status >= 400 && !body.Contains("<html lang=\"n", StringComparison.Ordinal))
        {
            return $"{status} without the Norwegian page ({mediaType}): {snippet}";
        }

        return null;
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage request, string role)
    {
        var body = request.Content is null ? string.Empty : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
        var shown = body.Length > 400 ? body[..400] + $"… ({body.Length} chars)" : body;
        var escaped = string.Concat(shown.Select(c => char.IsControl(c) && c is not ('\r' or '\n') ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"{role}: {request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}] {escaped}";
    }
}
