using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SkoleskyssSak.Domain.Deadlines;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Who handles the case and when to expect an answer (demo data: Melhus, "Oppvekst og utdanning – skolekontoret",
/// 4 weeks) on the receipt, its PDF, "Mine saker" and in the receipt e-mail; and "Søk for et søsken".
/// </summary>
public sealed partial class ApplicationJourneyTests
{
    private const string MelhusUnit = "Oppvekst og utdanning – skolekontoret";

    /// <summary>4 weeks from today (the app's clock is the real one), moved to a working day.</summary>
    private static string ExpectedBy() =>
        ExpectedDecisionDate.From(NorwegianTime.Today(DateTimeOffset.UtcNow), 4).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_receipt_its_PDF_and_Mine_saker_name_the_unit_and_the_expected_answer_date()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        await FillAndSubmitAsync(client, caseId, Melhus);
        string[] expected =
        [
            $"Saken behandles av {MelhusUnit}, Melhus kommune.",
            $"Forventet saksbehandlingstid: 4 uker – svar innen {ExpectedBy()}.",
        ];

        var (_, receipt) = await client.GetAsync($"/soknad/{caseId}/kvittering?kommune={Melhus}");
        var (_, casePage) = await client.GetAsync($"/mine-saker/{caseId}?kommune={Melhus}");
        foreach (var page in new[] { receipt, casePage })
        {
            var handling = page.QuerySelector("#case-handling")!.TextContent;
            Assert.All(expected, line => Assert.Contains(line, handling, StringComparison.Ordinal));
        }

        var pdf = await client.Http.GetAsync(new Uri(receipt.QuerySelector("#receipt-pdf")!.GetAttribute("href")!, UriKind.Relative));
        var text = Whitespace().Replace(PdfReadBack.Read(await pdf.Content.ReadAsByteArrayAsync()).Text, " ");
        Assert.Contains($"{MelhusUnit} Melhus kommune", text, StringComparison.Ordinal); // the sender block
        Assert.Contains($"Forventet svar innen {ExpectedBy()}", text, StringComparison.Ordinal);
        Assert.All(expected, line => Assert.Contains(line, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_receipt_mail_in_the_pickup_folder_has_case_number_unit_date_and_link_but_no_child()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        var (_, number) = await FillAndSubmitAsync(client, caseId, Melhus);

        var mail = await MailAboutAsync(number);

        Assert.Contains("Melhus kommune har mottatt", mail, StringComparison.Ordinal);
        Assert.Contains($"Saken behandles av {MelhusUnit}.", mail, StringComparison.Ordinal);
        Assert.Contains($"svar innen {ExpectedBy()}", mail, StringComparison.Ordinal);
        Assert.Contains($"/mine-saker/{caseId}", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildNin, mail, StringComparison.Ordinal);
        Assert.DoesNotContain("Tone", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("tungtrafikk", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sok_for_et_sosken_from_the_receipt_and_Mine_saker_opens_a_new_draft_at_the_child_step_with_route_and_address()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        await FillAndSubmitAsync(client, caseId, Melhus);

        foreach (var from in new[] { $"/soknad/{caseId}/kvittering?kommune={Melhus}", $"/mine-saker/{caseId}?kommune={Melhus}" })
        {
            var (_, page) = await client.GetAsync(from);
            var (response, _) = await client.SubmitAsync(page, "#sibling-form", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var match = StepUrlPattern().Match(response.Headers.Location!.OriginalString);
            Assert.True(match.Success, response.Headers.Location.OriginalString);
            var copy = match.Groups["id"].Value;
            Assert.NotEqual(caseId.ToString(), copy);

            var (_, barn) = await client.FollowAsync(response);
            Assert.Equal(string.Empty, barn.QuerySelector("#Input_Name")!.GetAttribute("value") ?? string.Empty);
            var (_, hjem) = await client.GetAsync($"/soknad/{copy}/hjem?kommune={Melhus}");
            Assert.Equal("Storvegen 1", hjem.QuerySelector("[name='Input.Homes[0].Address']")!.GetAttribute("value"));
            var (_, skoleveg) = await client.GetAsync($"/soknad/{copy}/skoleveg?kommune={Melhus}");
            Assert.Equal("3000", skoleveg.QuerySelector("[name='Input.Legs[0].Aadt']")!.GetAttribute("value"));
            var (_, foresatte) = await client.GetAsync($"/soknad/{copy}/foresatte?kommune={Melhus}");
            Assert.Equal("Per Hansen", foresatte.QuerySelector("[name='Input.OtherName']")!.GetAttribute("value"));
            var (_, begrunnelse) = await client.GetAsync($"/soknad/{copy}/begrunnelse?kommune={Melhus}");
            Assert.Equal(string.Empty, begrunnelse.QuerySelector("[name='Input.Text']")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task Another_parent_or_staff_cannot_copy_a_case_for_a_sibling()
    {
        var kari = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(kari, Melhus);
        await FillAndSubmitAsync(kari, caseId, Melhus);

        // Another parent, with a valid antiforgery token from their own case page: 404, no draft made.
        var ola = await SignInAsync(OlaHansen, "Ola Hansen");
        var olaCase = await StartAsync(ola, Melhus);
        var (_, olaPage) = await ola.GetAsync($"/mine-saker/{olaCase}?kommune={Melhus}");
        var (_, olaCasesBefore) = await ola.GetAsync("/mine-saker");
        foreach (var target in new[] { $"/mine-saker/{caseId}?handler=Sibling", $"/soknad/{caseId}/kvittering?handler=Sibling", $"/mine-saker/{Guid.NewGuid()}?handler=Sibling" })
        {
            var (response, _) = await ola.SubmitAsync(olaPage, "#sibling-form", new Dictionary<string, string>(), target);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var (_, olaCasesAfter) = await ola.GetAsync("/mine-saker");
        Assert.Equal(olaCasesBefore.QuerySelectorAll("tbody tr").Length, olaCasesAfter.QuerySelectorAll("tbody tr").Length);

        // Without the antiforgery token: refused before any handler runs.
        var forged = await kari.Http.PostAsync(new Uri($"/mine-saker/{caseId}?handler=Sibling", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Staff are not parents: sent to the parents' sign-in.
        var staff = app.NewClient();
        await StaffSignInTests.SignInAsync(staff, "saksbehandler.melhus@demo.skoleskyss.no", Infrastructure.Seeding.DemoDataSeeder.DemoPassword);
        var staffPost = await staff.Http.PostAsync(new Uri($"/mine-saker/{caseId}?handler=Sibling", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, staffPost.StatusCode);
        Assert.False(staffPost.StatusCode == HttpStatusCode.Redirect && staffPost.Headers.Location!.OriginalString.StartsWith("/soknad/", StringComparison.Ordinal));
        var staffGet = await staff.Http.GetAsync(new Uri($"/mine-saker/{caseId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, staffGet.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", staffGet.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_pre_assessed_segment_gets_its_message_at_the_route_in_Nynorsk()
    {
        var client = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(client, Sunnfjord);
        var (_, skoleveg) = await client.GetAsync($"/soknad/{caseId}/skoleveg?kommune={Sunnfjord}");

        var (response, page) = await client.SubmitAsync(skoleveg, "form.route-form", new Dictionary<string, string> { ["Input.SegmentIds"] = "sunnfjord/S-99" }, $"/soknad/{caseId}/skoleveg?kommune={Sunnfjord}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        const string message = "Strekninga sunnfjord/S-99 finst ikkje blant dei førehandsvurderte strekningane i kommunen.";
        Assert.Contains(message, page.QuerySelector("#Input_Route")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector(".ds-error-summary a[href='#Input_Route']")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The decoded body of the receipt e-mail about <paramref name="caseNumber"/>, once the outbox has written it.</summary>
    private async Task<string> MailAboutAsync(string caseNumber)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var files = Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [];
            foreach (var file in files)
            {
                var mail = Eml.Decode(await File.ReadAllTextAsync(file));
                if (mail.Contains(caseNumber, StringComparison.Ordinal))
                {
                    return mail;
                }
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException($"No e-mail about {caseNumber} in {app.MailFolder}.");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>Reads an .eml from the pickup folder: headers (RFC 2047 words decoded) and the body (base64 or quoted-printable).</summary>
internal static partial class Eml
{
    public static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (headers, body) = split < 0 ? (eml, string.Empty) : (eml[..split], eml[(split + 4)..]);
        var encoding = TransferEncoding().Match(headers).Groups[1].Value.Trim().ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", string.Empty, StringComparison.Ordinal).Trim())),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        var subject = EncodedWord().Replace(headers, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));
        return subject + "\n\n" + text;
    }

    private static string QuotedPrintable(string value)
    {
        var bytes = new List<byte>();
        var unfolded = value.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length)
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"^Content-Transfer-Encoding:\s*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TransferEncoding();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
