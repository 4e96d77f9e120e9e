using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>The app served by Kestrel on a loopback port: its request limits (413) and raw status lines are real.</summary>
public sealed class KestrelAppFixture : SkoleskyssAppFactory
{
    public KestrelAppFixture() => UseKestrel(0);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public CookieContainer Cookies { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(a => a.StartsWith("http://", StringComparison.Ordinal));
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A browser-like client sharing <see cref="Cookies"/> (so raw requests can carry its session).</summary>
    public PageClient NewKestrelClient() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies }) { BaseAddress = BaseAddress });
}

/// <summary>
/// Issue 10 item 6: a mangled form body (NUL byte, a key over 2,048 characters, multipart without a boundary or cut short,
/// a body over the upload limit) is a 400/413 with the Norwegian page, sent over a real socket; the draft already saved
/// is untouched.
/// </summary>
public sealed class MangledRequestTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string Melhus = "5028";

    [Fact]
    public async Task Mangled_form_bodies_get_400_or_413_with_the_Norwegian_page_and_nothing_saved_is_touched()
    {
        var client = app.NewKestrelClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        var (signedIn, _) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string> { ["Input.NationalIdentityNumber"] = KariNordmann, ["Input.Name"] = "Kari Nordmann" });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var caseId = await ApplicationJourneyTests.StartAsync(client, Melhus);
        var step = $"/soknad/{caseId}/foresatte?kommune={Melhus}";
        var (_, foresatte) = await client.GetAsync(step);
        var (saved, _) = await client.SubmitAsync(foresatte, "main form", new Dictionary<string, string> { ["Input.ApplicantEmail"] = "forelder@example.no" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, form) = await client.GetAsync(step);
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;
        var tokenField = "__RequestVerificationToken=" + Uri.EscapeDataString(token);

        var cases = new List<(string Name, string ContentType, byte[] Body, long? DeclaredLength, string Path, int Expected)>
        {
            ("control: no token", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("Input.ApplicantEmail=ny%40example.no"), null, step, 400),
            ("NUL byte in a field", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes($"{tokenField}&Input.ApplicantEmail=ny%40example.no&Input.OtherName=Per%00Hansen"), null, step, 400),
            ("a form key over 2,048 characters", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes($"{tokenField}&Input.ApplicantEmail=ny%40example.no&{new string('k', 3000)}=1"), null, step, 400),
            ("multipart without a boundary", "multipart/form-data", Encoding.UTF8.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"Input.ApplicantEmail\"\r\n\r\nny@example.no\r\n--x--\r\n"), null, step, 400),
            ("multipart cut short", "multipart/form-data; boundary=x", Encoding.UTF8.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--x\r\nContent-Disposition: form-data; name=\"Input.ApplicantEmail\"\r\n\r\nny@exa"), null, step, 400),
            ("an upload over the 21 MB limit", "multipart/form-data; boundary=x", Encoding.UTF8.GetBytes($"--x\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--x\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"stor.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-"), 23L * 1024 * 1024, $"/soknad/{caseId}/vedlegg?kommune={Melhus}&handler=Upload", 413),
        };

        var failures = new List<string>();
        foreach (var (name, contentType, body, declared, path, expected) in cases)
        {
            var (status, html) = await RawPostAsync(path, contentType, body, declared);
            if (status != expected || !html.Contains("<html lang=\"nb\"", StringComparison.Ordinal) || !html.Contains("<h1", StringComparison.Ordinal))
            {
                failures.Add($"{name}: {status} {html[..Math.Min(html.Length, 1500)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + Environment.NewLine + app.Logs.Text);
        var (_, after) = await client.GetAsync(step);
        Assert.Equal("forelder@example.no", after.QuerySelector<IHtmlInputElement>("[name='Input.ApplicantEmail']")!.Value);
        Assert.Equal(string.Empty, after.QuerySelector<IHtmlInputElement>("[name='Input.OtherName']")!.Value);
    }

    /// <summary>One POST over a plain socket (Connection: close); the status from the raw status line and the body.</summary>
    private async Task<(int Status, string Body)> RawPostAsync(string path, string contentType, byte[] body, long? declaredLength)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        await using var stream = tcp.GetStream();
        var head = new StringBuilder()
            .Append("POST ").Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(app.BaseAddress.Authority).Append("\r\n")
            .Append("Cookie: ").Append(app.Cookies.GetCookieHeader(app.BaseAddress)).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(declaredLength ?? body.Length).Append("\r\n")
            .Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                response.Write(buffer, 0, n);
            }
        }
        catch (IOException) when (response.Length > 0)
        {
            // Kestrel closes the connection after refusing the rest of a body it will not read.
        }

        var text = Encoding.UTF8.GetString(response.ToArray());
        var statusLine = text.Split("\r\n", 2)[0];
        var parts = statusLine.Split(' ');
        // A broken or missing status line is reported as status 0 with what came back.
        return parts.Length >= 2 && parts[0] == "HTTP/1.1" && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? (status, text)
            : (0, $"broken status line '{statusLine}'");
    }
}
