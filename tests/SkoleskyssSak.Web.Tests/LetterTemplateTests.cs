using System.Net;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.LetterTemplates;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 5, notice content (fvl. § 27): the municipality admin words the notice texts of the decision letters, kept
/// per municipality; the letters issued afterwards carry them. Own app and database: the texts change.
/// </summary>
public sealed class LetterTemplateTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Guidance = "Ring {0} på 72 85 80 00 om du lurer på noe – vi hjelper deg gjerne med klagen.";

    [Fact]
    public async Task The_Melhus_admin_words_the_guidance_and_a_decision_issued_afterwards_carries_it()
    {
        var admin = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        var (_, home) = await admin.GetAsync("/ansatt");
        Assert.NotNull(home.QuerySelector("a[href='/admin/brevmaler/5028']"));

        var (response, page) = await admin.GetAsync("/admin/brevmaler/5028");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Enum.GetNames<NoticeText>(), page.QuerySelectorAll("section.notice-text").Select(s => s.GetAttribute("data-key")!).ToArray());
        var guidance = page.QuerySelector("#notice-GuidanceText")!;
        Assert.Contains("plikt til å veilede deg", guidance.QuerySelector(".notice-default")!.TextContent, StringComparison.Ordinal); // Melhus writes Bokmål
        Assert.Equal("false", guidance.GetAttribute("data-overridden"));

        var (saved, _) = await admin.SubmitAsync(page, "#form-GuidanceText", new Dictionary<string, string> { ["Texts[GuidanceText]"] = Guidance });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await admin.FollowAsync(saved);
        Assert.Contains("er lagret", after.QuerySelector(".ds-alert[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", after.QuerySelector("#notice-GuidanceText")!.GetAttribute("data-overridden"));
        Assert.Equal(Guidance, after.QuerySelector("#Texts_GuidanceText_")!.TextContent);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(Guidance, (await db.LetterTemplateTexts.SingleAsync(t => t.MunicipalityNumber == "5028" && t.Key == NoticeText.GuidanceText)).Text);
            Assert.Contains("5028/GuidanceText", await db.AuditEvents.Where(e => e.Action == "NoticeTextSaved").Select(e => e.ObjectId).ToListAsync());
        }

        // A Melhus case decided afterwards: the letter has the municipality's wording, filled in, and the rest as before.
        var caseId = await DecisionTests.SubmitAsync(app, "5028");
        var caseworker = await AdminRulebookTests.AdminAsync(app, "saksbehandler.melhus@demo.skoleskyss.no");
        var (_, sak) = await caseworker.GetAsync($"/ansatt/saker/{caseId}");
        var (taken, _) = await caseworker.SubmitAsync(sak, "form[action*='handler=Take']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        await RecordedAssessments.RecordAsync(app, caseId, "5028", Domain.Rules.TransportOutcome.None);
        var letter = await DecisionTests.IssueAndReadLetterAsync(caseworker, caseId, new Dictionary<string, string> { ["Outcome"] = "Refused", ["Grounds"] = "Vegen har fortau hele vegen." });
        Assert.Matches(@"Ring \S.* på 72 85 80 00 om du lurer på noe – vi hjelper deg gjerne med klagen\.", letter);
        Assert.DoesNotContain("{0}", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("plikt til å veilede deg", letter, StringComparison.Ordinal);
        Assert.Contains("Statsforvalteren i Trøndelag", letter, StringComparison.Ordinal);

        // Reset: the default again, the override gone.
        var (_, again) = await admin.GetAsync("/admin/brevmaler/5028");
        var (reset, _) = await admin.SubmitAsync(again, "#form-GuidanceText", new Dictionary<string, string> { ["Reset"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().LetterTemplateTexts.AnyAsync(t => t.MunicipalityNumber == "5028"));
        }
    }

    [Fact]
    public async Task A_text_without_the_appeal_chain_is_refused_with_a_message_and_nothing_is_saved()
    {
        var admin = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        var (_, page) = await admin.GetAsync("/admin/brevmaler/4647");
        Assert.Contains("forvaltningslova § 29", page.QuerySelector("#notice-AppealText .notice-default")!.TextContent, StringComparison.Ordinal); // Nynorsk defaults

        const string typed = "Klag til {0} innan tre veker.";
        var (response, refused) = await admin.SubmitAsync(page, "#form-AppealText", new Dictionary<string, string> { ["Texts[AppealText]"] = typed });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("{1}", refused.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Texts_AppealText_", refused.QuerySelector(".ds-error-summary a")!.GetAttribute("href"));
        var field = refused.QuerySelector("#Texts_AppealText_")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(typed, field.TextContent);
        Assert.Contains("klageinstansen", refused.QuerySelector("#notice-AppealText .ds-validation-message")!.TextContent, StringComparison.Ordinal);

        var (added, addedPage) = await admin.SubmitAsync(page, "#form-AppealText", new Dictionary<string, string> { ["Texts[AppealText]"] = "Klag til {0}, så {1}, så {2}." });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("{2}", addedPage.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().LetterTemplateTexts.AnyAsync(t => t.MunicipalityNumber == "4647"));
    }

    [Fact]
    public async Task The_validator_refuses_a_text_the_letter_cannot_use_and_an_unknown_key_or_municipality_is_not_found()
    {
        await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin); // starts the app
        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();

        var refused = await sender.Send(new SaveNoticeTextCommand("5028", "GuidanceText", "Ring {7} om du lurer på noe.", "staff-1"), CancellationToken.None);
        var invalid = Assert.IsType<Failure.Invalid>(refused.Failure);
        Assert.Equal(["Text"], invalid.Errors.Keys.ToArray());
        Assert.Contains(invalid.Errors["Text"], m => m.StartsWith("Brevet fyller ikke inn {7}.", StringComparison.Ordinal));

        // Not found comes first: an unknown key or municipality says nothing about the text.
        Assert.IsType<Failure.NotFound>((await sender.Send(new SaveNoticeTextCommand("5028", "NoSuchText", "Ring {7}.", "staff-1"), CancellationToken.None)).Failure);
        Assert.IsType<Failure.NotFound>((await sender.Send(new SaveNoticeTextCommand("9999", "GuidanceText", "Ring {7}.", "staff-1"), CancellationToken.None)).Failure);

        // An empty text is a reset, never refused.
        var reset = await sender.Send(new SaveNoticeTextCommand("5028", "GuidanceText", "  ", "staff-1"), CancellationToken.None);
        Assert.True(reset.IsOk, reset.ToString());
        Assert.Equal(new NoticeTextSaved(NoticeText.GuidanceText, Reset: true), reset.Value);
    }

    [Fact]
    public async Task An_admin_of_another_municipality_gets_404_and_a_caseworker_no_access()
    {
        var sunnfjord = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await sunnfjord.Http.GetAsync(new Uri("/admin/brevmaler/5028", UriKind.Relative))).StatusCode);
        var (_, own) = await sunnfjord.GetAsync("/admin/brevmaler/4647");
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await sunnfjord.Http.PostAsync(new Uri("/admin/brevmaler/5028", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Key"] = "GuidanceText",
            ["Texts[GuidanceText]"] = Guidance,
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        var caseworker = app.NewClient();
        await StaffSignInTests.SignInAsync(caseworker, "saksbehandler.melhus@demo.skoleskyss.no", DemoDataSeeder.DemoPassword);
        var denied = await caseworker.Http.GetAsync(new Uri("/admin/brevmaler/5028", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/ingen-tilgang", denied.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var (_, home) = await caseworker.GetAsync("/ansatt");
        Assert.Null(home.QuerySelector("a[href^='/admin/brevmaler']"));
    }
}
