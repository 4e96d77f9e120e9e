using System.Net;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 4: attachments on the form, the documents of "Mine saker" (fvl. §§ 18–19) and the reply to a request for
/// information, through the real pages; nobody else's document is reachable and no upload gives an error 500.
/// </summary>
public sealed class CaseDocumentsTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string KariNordmann = "12838510068";
    private const string OlaHansen = "03909010038";
    private const string Melhus = "5028";
    private static readonly byte[] Pdf = TestPdfs.Minimal();

    [Fact]
    public async Task A_renamed_executable_is_refused_next_to_the_field_and_nothing_is_stored()
    {
        var client = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        var caseId = await ApplicationJourneyTests.StartAsync(client, Melhus);
        var (_, vedlegg) = await client.GetAsync($"/soknad/{caseId}/vedlegg?kommune={Melhus}");

        var (response, page) = await client.UploadAsync(vedlegg, "form[enctype='multipart/form-data']", new Dictionary<string, string>(), [("Upload", "bilde.png", "MZ\x90\0 not a picture"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("true", page.QuerySelector("#Upload")!.GetAttribute("aria-invalid"));
        Assert.Contains("PDF, JPEG eller PNG", page.QuerySelector("#Upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".ds-error-summary a[href='#Upload']"));
        Assert.NotNull(page.QuerySelector("#no-attachments"));
    }

    [Fact]
    public async Task Posting_the_upload_form_without_a_file_asks_for_one()
    {
        var client = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        var caseId = await ApplicationJourneyTests.StartAsync(client, Melhus);
        var (_, vedlegg) = await client.GetAsync($"/soknad/{caseId}/vedlegg?kommune={Melhus}");

        var (response, page) = await client.UploadAsync(vedlegg, "form[enctype='multipart/form-data']", new Dictionary<string, string>(), []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Velg en fil å laste opp.", page.QuerySelector("#Upload-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_document_downloads_for_the_parties_only_and_is_404_for_anyone_else()
    {
        var kari = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var caseId = await ApplicationJourneyTests.StartAsync(kari, Melhus);
        var (_, vedlegg) = await kari.GetAsync($"/soknad/{caseId}/vedlegg?kommune={Melhus}");
        var (uploaded, _) = await kari.UploadAsync(vedlegg, "form[enctype='multipart/form-data']", new Dictionary<string, string>(), [("Upload", "vegen.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var (_, page) = await kari.FollowAsync(uploaded);
        var link = page.QuerySelector("#attachments a")!.GetAttribute("href")!;

        var own = await kari.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Pdf, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition!.DispositionType);

        var ola = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.Http.GetAsync(new Uri($"/mine-saker/{caseId}/dokument/{Guid.CreateVersion7()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/soknad/{caseId}/vedlegg?kommune={Melhus}", UriKind.Relative))).StatusCode);
        var anonymous = app.NewClient();
        var signedOut = await anonymous.Http.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    [Fact]
    public async Task A_file_over_10_MB_gets_its_message_next_to_the_field_and_nothing_is_stored()
    {
        var client = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        var caseId = await ApplicationJourneyTests.StartAsync(client, Melhus);
        var (_, vedlegg) = await client.GetAsync($"/soknad/{caseId}/vedlegg?kommune={Melhus}");
        var large = new byte[(12 * 1024 * 1024) + 1];
        "%PDF-"u8.CopyTo(large);

        var (response, page) = await client.UploadAsync(vedlegg, "form[enctype='multipart/form-data']", new Dictionary<string, string>(), [("Upload", "stor.pdf", large)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("større enn 10 MB", page.QuerySelector("#Upload-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#no-attachments"));
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_becomes_413_and_the_status_page_is_rendered_without_reading_it()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "multipart/form-data; boundary=x";
        context.Request.Body = new MemoryStream(new byte[16]);
        var middleware = new SkoleskyssSak.Web.Hosting.BadRequestStatusMiddleware(_ =>
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        await middleware.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        Assert.Equal("GET", context.Request.Method);
        Assert.Same(Stream.Null, context.Request.Body);
    }

    [Fact]
    public async Task A_guardian_answers_a_request_for_information_from_Mine_saker_with_text_and_a_file()
    {
        var kari = await ApplicationJourneyTests.SignInAsync(app, KariNordmann, "Kari Nordmann");
        var caseId = await ApplicationJourneyTests.StartAsync(kari, Melhus);
        await ApplicationJourneyTests.FillAndSubmitAsync(kari, caseId, Melhus);
        await RequestInformationAsync(caseId, "Send bilde av krysset ved skolen.");

        var (_, sak) = await kari.GetAsync($"/mine-saker/{caseId}?kommune={Melhus}");
        Assert.Contains("Send bilde av krysset ved skolen.", sak.QuerySelector("#information-request")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Forespørsel om opplysninger", sak.QuerySelector("#documents")!.TextContent, StringComparison.Ordinal);

        // An empty reply: a message, the case still waits.
        var (emptyResponse, empty) = await kari.UploadAsync(sak, "#information-request form", new Dictionary<string, string> { ["Answer"] = " " }, []);
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.Contains("Skriv et svar", empty.QuerySelector("#Answer-error")!.TextContent, StringComparison.Ordinal);

        var (sent, _) = await kari.UploadAsync(sak, "#information-request form", new Dictionary<string, string> { ["Answer"] = "Bildet er vedlagt." }, [("Files", "kryss.pdf", Pdf)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, after) = await kari.FollowAsync(sent);
        Assert.NotNull(after.QuerySelector("[role='status']"));
        Assert.Null(after.QuerySelector("#information-request"));
        Assert.Equal("Under behandling", after.QuerySelector("#case-state")!.TextContent.Trim());
        var documents = after.QuerySelector("#documents")!.TextContent;
        Assert.Contains("kryss.pdf", documents, StringComparison.Ordinal);
        Assert.Contains("Ditt svar", documents, StringComparison.Ordinal);

        // Nobody else can answer, see or download.
        var ola = await ApplicationJourneyTests.SignInAsync(app, OlaHansen, "Ola Hansen");
        Assert.Equal(HttpStatusCode.NotFound, (await ola.Http.GetAsync(new Uri($"/mine-saker/{caseId}?kommune={Melhus}", UriKind.Relative))).StatusCode);
    }

    /// <summary>What issue 5's caseworker pages will do: take the case and ask for more information.</summary>
    private async Task RequestInformationAsync(Guid caseId, string question)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        Assert.True(@case.Apply(CaseTrigger.StartAssessment, new CaseActor("staff-test", CaseActorRole.Caseworker), DateTimeOffset.UtcNow).Succeeded);
        await db.SaveChangesAsync();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new RequestInformationCommand(caseId, Melhus, "staff-test", question, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)), default);
        ResultAssert.Ok(result);
    }
}
