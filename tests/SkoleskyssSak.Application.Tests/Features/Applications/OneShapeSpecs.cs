using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.InformationRequests;
using SkoleskyssSak.Application.Features.Referrals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// Issue 12 for the søknad's use cases: input is checked by the commands' validators before any handler runs (field →
/// Norwegian message, in the language form of the request), and the queries never write — the pipeline audits a read
/// once, and only when the caller may see the case.
/// </summary>
public sealed class OneShapeSpecs
{
    [Fact]
    public async Task Reading_a_case_audits_one_read_and_someone_elses_read_audits_nothing()
    {
        await using var app = await CreateAsync("shape_read");
        var draft = await app.StartAsync();

        Assert.NotNull(await app.GetAsync(draft));
        Assert.Null(await app.GetAsync(draft, ParentB));

        await using var db = app.Db();
        Assert.Single(await db.AuditEvents.Where(a => a.Action == "ApplicationRead").ToListAsync(), a => a.ObjectId == draft.ToString());
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == "ApplicationRead"));
    }

    [Fact]
    public async Task Downloading_a_document_audits_one_read_of_that_document_and_a_refused_download_nothing()
    {
        await using var app = await CreateAsync("shape_doc");
        var draft = await app.StartAsync();
        ResultAssert.Ok(await AttachmentSpecs.AddAsync(app, draft, "vegen.png", TestFiles.Png()));
        var document = Assert.Single((await app.GetAsync(draft))!.Documents);

        Assert.NotNull(await AttachmentSpecs.DownloadAsync(app, draft, document.DocumentId, ParentA));
        Assert.Null(await AttachmentSpecs.DownloadAsync(app, draft, document.DocumentId, ParentB));
        Assert.Null(await AttachmentSpecs.DownloadAsync(app, draft, Guid.CreateVersion7(), ParentA));

        await using var db = app.Db();
        var reads = await db.AuditEvents.Where(a => a.Action == "DocumentRead").Select(a => a.ObjectId).ToListAsync();
        Assert.Equal([$"{draft}:{document.DocumentId}"], reads);
    }

    [Theory]
    [InlineData("nb-NO", "Kommunen bruker ikke tjenesten.")]
    [InlineData("nn-NO", "Kommunen bruker ikkje tenesta.")]
    public async Task Starting_in_a_municipality_that_does_not_use_the_service_is_invalid_in_the_requests_language_form(string culture, string message)
    {
        await using var app = await CreateAsync("shape_start_" + culture[..2]);

        var invalid = await InCultureAsync(culture, () => app.SendAsync(new StartApplicationCommand("9999", ParentA, ApplicantNin, "Ola Nordmann")));

        Assert.Equal([message], ResultAssert.Fails<Failure.Invalid>(invalid).Errors["MunicipalityNumber"]);
        await using var db = app.Db();
        Assert.False(await db.Cases.AnyAsync());
    }

    [Fact]
    public async Task An_invalid_step_of_someone_elses_draft_is_not_found_not_a_list_of_messages()
    {
        await using var app = await CreateAsync("shape_step_other");
        var draft = await app.StartAsync();
        var invalid = new GuardiansStep([new ApplicationGuardian(string.Empty, null, null, null, IsApplicant: true)]);

        ResultAssert.Fails<Failure.NotFound>(await app.SaveAsync(draft, invalid, ParentB));
        Assert.Equal(["Skriv inn navnet til den foresatte."], ResultAssert.Fails<Failure.Invalid>(await app.SaveAsync(draft, invalid)).Errors["Guardians[0].Name"]);
    }

    [Theory]
    [InlineData("nb-NO", "Skriv hvilke opplysninger dere ber om.")]
    [InlineData("nn-NO", "Skriv kva opplysningar de ber om.")]
    public async Task A_request_for_information_without_a_question_is_invalid_before_the_case_is_read(string culture, string message)
    {
        await using var app = await CreateAsync("shape_info_" + culture[..2]);

        var invalid = await InCultureAsync(culture, () => app.SendAsync(new RequestInformationCommand(Guid.CreateVersion7(), "5028", "staff-melhus-1", "  ", new DateOnly(2026, 12, 7))));

        Assert.Equal([message], ResultAssert.Fails<Failure.Invalid>(invalid).Errors["Question"]);
    }

    [Theory]
    [InlineData("nb-NO", "Skriv datoen avstanden ble målt, i dag eller tidligere (dd.mm.åååå).")]
    [InlineData("nn-NO", "Skriv datoen avstanden vart målt, i dag eller tidlegare (dd.mm.åååå).")]
    public async Task A_distance_measured_in_the_future_is_invalid_by_the_commands_validator(string culture, string message)
    {
        await using var app = await CreateAsync("shape_distance_" + culture[..2]);
        var tomorrow = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1);

        var invalid = await InCultureAsync(culture, () => app.SendAsync(new ConfirmHomeDistanceCommand(Guid.CreateVersion7(), "5028", "staff-melhus-1", 0, 4.6m, "Norgeskart", tomorrow)));

        Assert.Equal([message], ResultAssert.Fails<Failure.Invalid>(invalid).Errors["MeasuredOn"]);
    }

    private static async Task<T> InCultureAsync<T>(string culture, Func<Task<T>> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
