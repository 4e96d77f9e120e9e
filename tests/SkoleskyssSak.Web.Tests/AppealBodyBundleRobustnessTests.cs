using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 10 item 5: a stored file that starts with "%PDF-" but is not a PDF (qpdf: "unable to find /Root") made the
/// appeal body's bundle of that case fail with 500 for ever. It is now listed with a note, and kept in the ZIP.
/// </summary>
public sealed class AppealBodyBundleRobustnessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_document_that_cannot_be_merged_is_listed_with_a_note_and_kept_in_the_ZIP()
    {
        var caseId = await AppealTests.DecidedCaseAsync(app);
        var fake = TestPdfs.Fake();
        var script = TestPdfs.WithJavaScript();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await ForwardedCases.ForwardAsync(db, caseId, "sf-trondelag", 2);
            var now = DateTimeOffset.UtcNow;
            // As stored before uploads were checked by structure.
            var broken = CaseDocument.Produced(Guid.CreateVersion7(), caseId, CaseDocumentKind.ApplicationAttachment, "skadet.pdf", "application/pdf", fake, confidential: false, "c-aaaaaaaaaaaaaaaaaaaaaaaa", now);
            var active = CaseDocument.Produced(Guid.CreateVersion7(), caseId, CaseDocumentKind.ApplicationAttachment, "skript.pdf", "application/pdf", script, confidential: false, "c-aaaaaaaaaaaaaaaaaaaaaaaa", now.AddSeconds(1));
            db.Documents.AddRange(broken, active);
            db.DocumentContents.AddRange(new CaseDocumentContent(broken.Id, fake), new CaseDocumentContent(active.Id, script));
            await db.SaveChangesAsync();
        }

        var governor = app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignInTests.SignInAsync(governor, "klage.trondelag@demo.skoleskyss.no", DemoDataSeeder.DemoPassword)).StatusCode);

        var bundle = await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Bundle", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        var text = System.Text.RegularExpressions.Regex.Replace(await DecisionTests.PdfTextAsync(await bundle.Content.ReadAsByteArrayAsync(), tagged: false), @"\s+", " ");
        Assert.Contains("skadet.pdf (ikke satt inn, se ZIP-fila)", text, StringComparison.Ordinal);
        Assert.Contains("skript.pdf (ikke satt inn, se ZIP-fila)", text, StringComparison.Ordinal);
        Assert.Contains("«skadet.pdf» er ikke en lesbar PDF", text, StringComparison.Ordinal);
        Assert.DoesNotContain("app.alert", text, StringComparison.Ordinal);

        var zip = await governor.Http.GetAsync(new Uri($"/klageinstans/saker/{caseId}?handler=Zip", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new System.IO.Compression.ZipArchive(await zip.Content.ReadAsStreamAsync());
        var kept = archive.Entries.Single(e => e.Name.EndsWith("-skadet.pdf", StringComparison.Ordinal));
        using var content = new MemoryStream();
        await using (var stream = kept.Open())
        {
            await stream.CopyToAsync(content);
        }

        Assert.Equal(fake, content.ToArray());
    }
}
