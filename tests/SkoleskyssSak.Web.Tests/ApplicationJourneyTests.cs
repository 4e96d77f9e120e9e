using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>The parent's journey: sign in, start, every step, submit, receipt, Mine saker, withdraw; nobody else's case is reachable.</summary>
public sealed partial class ApplicationJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string OlaHansen = "03909010038";
    private const string ChildNin = "15091550013";
    private const string Melhus = "5028";
    private const string Sunnfjord = "4647";

    /// <summary>A minimal file that is a PDF by content and by structure (the upload is checked with qpdf).</summary>
    private static readonly byte[] AttachmentPdf = TestPdfs.Minimal();

    [Fact]
    public async Task A_parent_goes_through_every_step_to_the_receipt_and_sees_the_case_in_Mine_saker()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        var (kontroller, number) = await FillAndSubmitAsync(client, caseId, Melhus);

        Assert.Matches(CaseNumberPattern(), number);

        var (mineResponse, mine) = await client.GetAsync("/mine-saker");
        Assert.Equal(HttpStatusCode.OK, mineResponse.StatusCode);
        var row = mine.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(number, StringComparison.Ordinal));
        Assert.Contains("Mottatt", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tone", row.TextContent, StringComparison.Ordinal);

        // A second POST of "Send søknad" (a double click) gives the same receipt.
        var (again, _) = await client.SubmitAsync(kontroller, "main form", new Dictionary<string, string> { ["DeclarationAccepted"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var (_, receipt) = await client.FollowAsync(again);
        Assert.Equal(number, receipt.QuerySelector("#case-number")!.TextContent.Trim());
        var (_, mineAgain) = await client.GetAsync("/mine-saker");
        Assert.Single(mineAgain.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(number, StringComparison.Ordinal));

        // The case page shows the timeline.
        var (caseResponse, casePage) = await client.GetAsync($"/mine-saker/{caseId}?kommune={Melhus}");
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        Assert.Contains("Søknaden er mottatt", casePage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.DoesNotContain(ChildNin, app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_other_guardian_named_with_a_fodselsnummer_finds_the_case_in_their_own_Mine_saker()
    {
        var kari = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(kari, Melhus);
        var (_, number) = await FillAndSubmitAsync(kari, caseId, Melhus, otherGuardianNin: OlaHansen);

        var ola = await SignInAsync(OlaHansen, "Ola Hansen");
        var (_, mine) = await ola.GetAsync("/mine-saker");
        Assert.Contains(mine.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(number, StringComparison.Ordinal));
        var (caseResponse, _) = await ola.GetAsync($"/mine-saker/{caseId}?kommune={Melhus}");
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        Assert.DoesNotContain(OlaHansen, app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receipt_is_a_tagged_PDF_with_the_case_number_for_the_parties_only()
    {
        var client = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(client, Melhus);
        var (_, number) = await FillAndSubmitAsync(client, caseId, Melhus);

        var (_, receipt) = await client.GetAsync($"/soknad/{caseId}/kvittering?kommune={Melhus}");
        var link = receipt.QuerySelector("#receipt-pdf")!.GetAttribute("href")!;
        var response = await client.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);

        var receiptPdf = PdfReadBack.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Søknaden er mottatt", receiptPdf.Text, StringComparison.Ordinal);
        Assert.Contains(number, receiptPdf.Text, StringComparison.Ordinal);
        Assert.Contains("Melhus kommune", receiptPdf.Text, StringComparison.Ordinal);
        Assert.Contains("Side 1 av 1", receiptPdf.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildNin, receiptPdf.Text, StringComparison.Ordinal);
        Assert.True(receiptPdf.Tagged, "The receipt is not a tagged PDF.");

        // Another parent cannot fetch it.
        var other = await SignInAsync(OlaHansen, "Ola Hansen");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }


    [Fact]
    public async Task An_invalid_child_fodselsnummer_gets_a_message_next_to_the_field()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        var (_, barn) = await client.GetAsync($"/soknad/{caseId}/barn?kommune={Melhus}");
        var (response, page) = await client.SubmitAsync(barn, "main form", ChildValues(barn, "15091550014"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var field = page.QuerySelector("#Input_NationalIdentityNumber")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#Input_NationalIdentityNumber-error")?.TextContent));
        Assert.NotNull(page.QuerySelector(".ds-error-summary a[href='#Input_NationalIdentityNumber']"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("<script>")]
    public async Task Malformed_step_input_never_gives_a_500(string value)
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        foreach (var step in new[] { "barn", "foresatte", "hjem", "skoleveg", "begrunnelse", "vedlegg", "kontroller" })
        {
            var (_, page) = await client.GetAsync($"/soknad/{caseId}/{step}?kommune={Melhus}");
            var values = page.QuerySelectorAll("main form [name]").Select(e => e.GetAttribute("name")!)
                .Where(n => n != "__RequestVerificationToken").Distinct().ToDictionary(n => n, _ => value);
            var (response, _) = await client.SubmitAsync(page, "main form", values);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{step}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_parent_gets_404_on_every_step_the_receipt_and_the_case_page()
    {
        var kari = await SignInAsync(KariNordmann, "Kari Nordmann");
        var draftId = await StartAsync(kari, Melhus);
        var submittedId = await StartAsync(kari, Melhus);
        await FillAndSubmitAsync(kari, submittedId, Melhus);

        var ola = await SignInAsync(OlaHansen, "Ola Hansen");
        foreach (var step in new[] { "barn", "foresatte", "hjem", "skoleveg", "begrunnelse", "vedlegg", "kontroller" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/soknad/{draftId}/{step}?kommune={Melhus}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/soknad/{Guid.NewGuid()}/{step}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/soknad/{submittedId}/kvittering", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/mine-saker/{submittedId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/mine-saker/{draftId}", UriKind.Relative))).StatusCode);

        // Posting to someone else's step with a valid antiforgery token of one's own: still 404, nothing saved.
        var olaCase = await StartAsync(ola, Melhus);
        var (_, olaBarn) = await ola.GetAsync($"/soknad/{olaCase}/barn?kommune={Melhus}");
        var (post, _) = await ola.SubmitAsync(olaBarn, "main form", ChildValues(olaBarn, ChildNin), $"/soknad/{draftId}/barn?kommune={Melhus}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var (withdraw, _) = await ola.SubmitAsync(olaBarn, "main form", new Dictionary<string, string>(), $"/mine-saker/{submittedId}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);

        // A submitted case's steps are closed to its own applicant too.
        Assert.Equal(HttpStatusCode.NotFound, (await kari.Http.GetAsync(new Uri($"/soknad/{submittedId}/barn?kommune={Melhus}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_parent_withdraws_a_submitted_application()
    {
        var client = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(client, Melhus);
        await FillAndSubmitAsync(client, caseId, Melhus);

        var (_, casePage) = await client.GetAsync($"/mine-saker/{caseId}?kommune={Melhus}");
        var (response, _) = await client.SubmitAsync(casePage, "form[action*=Withdraw]", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, after) = await client.FollowAsync(response);
        Assert.Equal("Trukket", after.QuerySelector("#case-state")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("form[action*=Withdraw]"));
    }

    [Fact]
    public async Task A_Sunnfjord_application_speaks_Nynorsk_even_without_the_kommune_in_the_link()
    {
        var client = await SignInAsync(KariNordmann, "Kari Nordmann");
        var caseId = await StartAsync(client, Sunnfjord);
        var response = await client.Http.GetAsync(new Uri($"/soknad/{caseId}/barn", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await client.FollowAsync(response);
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Fullt namn på barnet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#Input_SchoolId option"), o => o.TextContent.Contains("skule", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submitting_an_incomplete_application_shows_what_is_missing_and_creates_no_case_number()
    {
        var client = await SignInAsync(OlaHansen, "Ola Hansen");
        var caseId = await StartAsync(client, Melhus);
        var (_, kontroller) = await client.GetAsync($"/soknad/{caseId}/kontroller?kommune={Melhus}");
        var (response, page) = await client.SubmitAsync(kontroller, "main form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".ds-error-summary a[href='#DeclarationAccepted']"));
        Assert.NotNull(page.QuerySelector(".ds-error-summary a[href='#section-barn']"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync(new Uri($"/soknad/{caseId}/kvittering", UriKind.Relative))).StatusCode);
    }

    private Task<PageClient> SignInAsync(string nin, string name) => SignInAsync(app, nin, name);

    /// <summary>Signs in through TestID as the given person (shared with the other parent-side specs).</summary>
    internal static async Task<PageClient> SignInAsync(AppFixture app, string nin, string name)
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        var (response, _) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = nin,
            ["Input.Name"] = name,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    internal static async Task<Guid> StartAsync(PageClient client, string municipality)
    {
        var (response, soknad) = await client.GetAsync("/soknad");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (started, _) = await client.SubmitAsync(soknad, "main form", new Dictionary<string, string> { ["Kommune"] = municipality });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var match = StepUrlPattern().Match(started.Headers.Location!.OriginalString);
        Assert.True(match.Success, started.Headers.Location!.OriginalString);
        Assert.Equal(municipality, match.Groups["kommune"].Value);
        return Guid.Parse(match.Groups["id"].Value);
    }

    private static Dictionary<string, string> ChildValues(IDocument barn, string nin) => new()
    {
        ["Input.Name"] = "Tone Hansen",
        ["Input.NationalIdentityNumber"] = nin,
        ["Input.Grade"] = "3",
        ["Input.SchoolId"] = barn.QuerySelectorAll("#Input_SchoolId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!,
    };

    /// <summary>Posts every step with valid data and submits; returns the check page and the receipt's case number.</summary>
    internal static async Task<(IDocument Kontroller, string CaseNumber)> FillAndSubmitAsync(PageClient client, Guid caseId, string municipality, string? otherGuardianNin = null)
    {
        var baseUrl = $"/soknad/{caseId}";
        var (_, barn) = await client.GetAsync($"{baseUrl}/barn?kommune={municipality}");
        Assert.Contains("Steg 1 av 7", barn.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await PostStepAsync(client, barn, "main form", ChildValues(barn, ChildNin), $"{baseUrl}/foresatte");

        var (_, foresatte) = await client.GetAsync($"{baseUrl}/foresatte?kommune={municipality}");
        await PostStepAsync(client, foresatte, "main form", new Dictionary<string, string>
        {
            ["Input.ApplicantEmail"] = "forelder@example.no",
            ["Input.OtherName"] = "Per Hansen",
            ["Input.OtherPhone"] = "91234567",
            ["Input.OtherNationalIdentityNumber"] = otherGuardianNin ?? string.Empty,
        }, $"{baseUrl}/hjem");

        var (_, hjem) = await client.GetAsync($"{baseUrl}/hjem?kommune={municipality}");
        await PostStepAsync(client, hjem, "main form", new Dictionary<string, string>
        {
            ["Input.Homes[0].Address"] = "Storvegen 1",
            ["Input.Homes[0].PostalCode"] = "7224",
            ["Input.Homes[0].Place"] = "Melhus",
            ["Input.Homes[0].WalkingDistanceKm"] = "1,5",
        }, $"{baseUrl}/skoleveg");

        var (_, skoleveg) = await client.GetAsync($"{baseUrl}/skoleveg?kommune={municipality}");
        var roadCategory = skoleveg.QuerySelectorAll("select[name='Input.Legs[0].RoadCategory'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var legValues = new Dictionary<string, string>
        {
            ["Input.Legs[0].Kind"] = "along",
            ["Input.Legs[0].RoadCategory"] = roadCategory,
            ["Input.Legs[0].SpeedLimit"] = "60",
            ["Input.Legs[0].Aadt"] = "3000",
        };
        var (_, guidance) = await client.SubmitAsync(skoleveg, "form.route-form", legValues, $"{baseUrl}/skoleveg?kommune={municipality}&handler=Assess");
        Assert.True(guidance.QuerySelector("#guidance-heading") is not null, guidance.QuerySelector("main")?.TextContent);
        // From the page with the guidance (its address has ?handler=Assess): the save button posts to the step itself.
        var save = guidance.QuerySelectorAll("form.route-form button").Single(b => b.TextContent.Trim() == "Lagre og gå videre").GetAttribute("formaction")!;
        Assert.Equal($"{baseUrl}/skoleveg?kommune={municipality}", save);
        await PostStepAsync(client, guidance, "form.route-form", legValues, $"{baseUrl}/begrunnelse", save);

        var (_, begrunnelse) = await client.GetAsync($"{baseUrl}/begrunnelse?kommune={municipality}");
        await PostStepAsync(client, begrunnelse, "main form", new Dictionary<string, string>
        {
            ["Input.Text"] = "Ingen fortau og mye tungtrafikk.",
            ["Input.Factors[AgeAndMaturity]"] = "Hun er åtte år.",
            ["Input.Period"] = "WholeSchoolYear",
        }, $"{baseUrl}/vedlegg");

        var (_, vedlegg) = await client.GetAsync($"{baseUrl}/vedlegg?kommune={municipality}");
        Assert.Contains("Steg 6 av 7", vedlegg.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (uploaded, _) = await client.UploadAsync(vedlegg, "form[enctype='multipart/form-data']", new Dictionary<string, string> { ["Confidential"] = "true" }, [("Upload", "legeerklaering.pdf", AttachmentPdf)]);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var (_, afterUpload) = await client.FollowAsync(uploaded);
        Assert.Contains("legeerklaering.pdf", afterUpload.QuerySelector("#attachments")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(afterUpload.QuerySelector("[role='status']"));

        var (_, kontroller) = await client.GetAsync($"{baseUrl}/kontroller?kommune={municipality}");
        var summary = kontroller.QuerySelector("main")!.TextContent;
        Assert.Contains("Tone Hansen", summary, StringComparison.Ordinal);
        Assert.Contains("Per Hansen", summary, StringComparison.Ordinal);
        Assert.Contains("Storvegen 1, 7224 Melhus", summary, StringComparison.Ordinal);
        Assert.Contains("Alder og modenhet", summary, StringComparison.Ordinal);
        Assert.Contains("Hun er åtte år.", summary, StringComparison.Ordinal);
        Assert.Contains("Hele skoleåret", summary, StringComparison.Ordinal);
        Assert.Contains("legeerklaering.pdf", summary, StringComparison.Ordinal);
        Assert.Equal(6, kontroller.QuerySelectorAll("main a").Count(a => a.TextContent.StartsWith("Endre", StringComparison.Ordinal)));
        var (submitted, _) = await client.SubmitAsync(kontroller, "main form", new Dictionary<string, string> { ["DeclarationAccepted"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.StartsWith($"{baseUrl}/kvittering", submitted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var (receiptResponse, receipt) = await client.FollowAsync(submitted);
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        Assert.Contains("Søknaden er mottatt", receipt.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(receipt.QuerySelector("main a[href='/mine-saker']"));
        return (kontroller, receipt.QuerySelector("#case-number")!.TextContent.Trim());
    }

    private static async Task PostStepAsync(PageClient client, IDocument page, string form, Dictionary<string, string> values, string expectedNext, string? formAction = null)
    {
        var (response, result) = await client.SubmitAsync(page, form, values, formAction);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page.Url}: {(int)response.StatusCode} {result.QuerySelector(".ds-error-summary")?.TextContent}");
        Assert.StartsWith(expectedNext, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/soknad/(?<id>[0-9a-f-]{36})/barn\?kommune=(?<kommune>\d{4})$")]
    private static partial Regex StepUrlPattern();

    [GeneratedRegex(@"^\d{4}/\d{5}$")]
    private static partial Regex CaseNumberPattern();
}
