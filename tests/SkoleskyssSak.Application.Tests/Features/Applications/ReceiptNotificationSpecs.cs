using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// The receipt e-mail and "Mine saker" name the handling unit and the expected processing time of the municipality
/// (test data: Melhus 4 weeks, Sunnfjord 6 weeks), counted from the submission on Saturday 21 November 2026.
/// </summary>
public sealed class ReceiptNotificationSpecs
{
    [Fact]
    public async Task The_receipt_mail_gives_case_number_municipality_unit_expected_date_and_a_link_but_no_child()
    {
        await using var app = await CreateAsync("app_receipt_mail");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        var mails = await db.OutboxMessages.Where(m => m.CaseId == draft).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, mail =>
        {
            Assert.Contains("Saksnummeret er 2026/00001.", mail.Body, StringComparison.Ordinal);
            Assert.Contains("Melhus kommune har mottatt", mail.Body, StringComparison.Ordinal);
            Assert.Contains("Saken behandles av Oppvekst og utdanning – skolekontoret.", mail.Body, StringComparison.Ordinal);
            // 4 weeks from Saturday 21 November end on Saturday 19 December → Monday 21 December.
            Assert.Contains("Forventet saksbehandlingstid er 4 uker, så du kan regne med svar innen 21.12.2026.", mail.Body, StringComparison.Ordinal);
            Assert.Contains($"http://localhost:5080/mine-saker/{draft}", mail.Body, StringComparison.Ordinal);
            foreach (var secret in new[] { "Kari", ChildNin, ApplicantNin, OtherGuardianNin, "distrahert", "tungtrafikk" })
            {
                Assert.DoesNotContain(secret, mail.Subject + mail.Body, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task Sunnfjord_writes_it_in_Nynorsk_and_Mine_saker_shows_the_same_date()
    {
        await using var app = await CreateAsync("app_receipt_nn");
        var draft = await app.StartAsync(municipality: "4647");
        await app.FillAsync(draft, school: NaustdalSkule);

        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var db = app.Db();
        var body = (await db.OutboxMessages.FirstAsync(m => m.CaseId == draft)).Body;
        Assert.Contains("Saka blir behandla av Oppvekst – skulekontoret.", body, StringComparison.Ordinal);
        Assert.Contains("Forventa saksbehandlingstid er 6 veker, så du kan rekne med svar innan 04.01.2027.", body, StringComparison.Ordinal);
        Assert.EndsWith("Oppvekst – skulekontoret\nSunnfjord kommune", body, StringComparison.Ordinal);

        var handling = (await app.GetAsync(draft))!.Handling;
        Assert.Equal(new CaseHandling("Sunnfjord", Domain.Municipalities.LanguageForm.Nynorsk, "Oppvekst – skulekontoret", 6, new DateOnly(2027, 1, 4)), handling);
    }

    [Fact]
    public async Task A_draft_has_a_unit_but_no_expected_date_and_an_unconfigured_municipality_gets_the_general_text()
    {
        await using var app = await CreateAsync("app_receipt_unconfigured");
        var draft = await app.StartAsync();
        var before = (await app.GetAsync(draft))!.Handling;
        Assert.Equal(("Oppvekst og utdanning – skolekontoret", 4, (DateOnly?)null), (before.Unit, before.ProcessingWeeks, before.ExpectedDecisionBy));
        await using (var db = app.Db())
        {
            (await db.Municipalities.SingleAsync(m => m.Number == "5028")).SetCaseHandling(null, null);
            await db.SaveChangesAsync();
        }

        await app.FillAsync(draft);
        ResultAssert.Ok(await app.SubmitAsync(draft));

        await using var check = app.Db();
        var body = (await check.OutboxMessages.FirstAsync(m => m.CaseId == draft)).Body;
        Assert.Contains("Tar saksbehandlingen lenger enn én måned, får du et foreløpig svar.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("behandles av", body, StringComparison.Ordinal);
        Assert.Null((await app.GetAsync(draft))!.Handling.ExpectedDecisionBy);
    }
}
