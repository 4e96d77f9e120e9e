using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 11, referral to the county (opplæringslova § 4-1 first paragraph) in a real browser: the parent's receipt says
/// the distance will be checked; the caseworker refuses nothing silently (a referral without a confirmed distance and a
/// distance that is no number get messages), confirms one home's distance and refers that home; the parent's Mine saker
/// says that home's part went to the county. Every page state passes axe.
/// </summary>
public sealed partial class ReferralSpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Sunnfjord = "4647";

    /// <summary>Ola Hansen of the demo data (TestID), the parent who signs in below.</summary>
    private const string OlaHansen = "03909010038";

    [Fact]
    public async Task A_caseworker_confirms_one_homes_distance_and_refers_it_and_the_parent_sees_it_every_page_passing_axe()
    {
        var caseId = await SubmitAsync();

        // The parent's receipt: the distance will be checked, nothing referred yet, no municipal answer promised.
        await using var parent = await browser.NewSessionAsync();
        await parent.GotoAsync("/soknad");
        await parent.Page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med ID-porten" }).ClickAsync();
        await parent.Page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Ola Hansen" }).ClickAsync();
        await parent.Page.WaitForURLAsync(new Regex("/soknad"));
        await parent.GotoAsync($"/soknad/{caseId}/kvittering");
        await Assertions.Expect(parent.Page.Locator("#distance-check")).ToContainTextAsync("Kommunen kontrollerer avstanden");
        await parent.AssertAccessibleAsync();

        await using var staff = await browser.NewSessionAsync();
        var page = staff.Page;
        await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
        await staff.GotoAsync($"/ansatt/saker/{caseId}");
        await page.Locator("#distance-link").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/ansatt/saker/{caseId}/avstand$"));
        await Assertions.Expect(page.Locator("#distance-limit")).ToContainTextAsync("4 km");
        await staff.AssertAccessibleAsync();

        // The parent's estimate alone refers nothing.
        await page.Locator("#refer-1").ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("ikke stadfestet");
        await staff.AssertAccessibleAsync();

        // A distance that is no number: the summary and the field say so.
        var home1 = page.Locator("#home-1");
        await home1.GetByLabel("Gangavstand (km)").FillAsync("mange");
        await home1.GetByLabel("Kilde").FillAsync("Målt i Norgeskart");
        await page.Locator("#confirm-1").ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToContainTextAsync("Skriv gangavstanden i km");
        await Assertions.Expect(home1.GetByLabel("Gangavstand (km)")).ToHaveAttributeAsync("aria-invalid", "true");
        await staff.AssertAccessibleAsync();

        await home1.GetByLabel("Gangavstand (km)").FillAsync("6,2");
        await page.Locator("#confirm-1").ClickAsync();
        await Assertions.Expect(page.Locator("#home-1 .confirmed-distance")).ToContainTextAsync("6,2 km (Målt i Norgeskart");
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToHaveCountAsync(0);
        await staff.AssertAccessibleAsync();

        await page.Locator("#refer-1").ClickAsync(new() { Timeout = 60_000 }); // prints the PDF letter
        await Assertions.Expect(page.Locator("#home-1 .referred")).ToContainTextAsync("Sendt til fylkeskommunen");
        await Assertions.Expect(page.Locator("#refer-1")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#refer-2")).ToBeVisibleAsync();
        await staff.AssertAccessibleAsync();
        staff.AssertNoConsoleErrors();

        // Mine saker (Nynorsk in Sunnfjord): that home's part went to the county, when, and the county answers.
        await parent.GotoAsync($"/mine-saker/{caseId}");
        var referral = parent.Page.Locator("#referral");
        await Assertions.Expect(referral).ToContainTextAsync("Storvegen 1");
        await Assertions.Expect(referral).ToContainTextAsync("Vestland fylkeskommune");
        await Assertions.Expect(referral).ToContainTextAsync("svarar dykk");
        await parent.AssertAccessibleAsync();
        parent.AssertNoConsoleErrors();
    }

    /// <summary>A Sunnfjord søknad (grade 3) by Ola Hansen with two homes, one estimated beyond 4 km, sent through the handlers.</summary>
    private async Task<Guid> SubmitAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var pseudonym = services.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(OlaHansen);
        var db = services.GetRequiredService<AppDbContext>();
        var school = db.Schools.Where(s => s.MunicipalityNumber == Sunnfjord && s.LowestGrade <= 3 && s.HighestGrade >= 3 && !s.IsPrivate).OrderBy(s => s.Name).Select(s => s.Id).First();
        var started = await services.GetRequiredService<ISender>().Send(new StartApplicationCommand(Sunnfjord, pseudonym, OlaHansen, "Ola Hansen"), default);
        var caseId = ResultAssert.Ok(started).CaseId;
        ApplicationStep[] steps =
        [
            new ChildStep(new ApplicationChild("Tone Hansen", "15091550013", 3, school, 2026)),
            new GuardiansStep([new ApplicationGuardian("Ola Hansen", "ola@example.no", null, null, IsApplicant: true)]),
            new HomesStep([new ApplicationHome("Storvegen 1", "6800", "Førde", 6.0m), new ApplicationHome("Fjellvegen 9", "6800", "Førde", 1.3m)]),
            new RouteStep(new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None)])),
            new ReasonsStep(new ApplicationReasons("Ingen fortau.", new Dictionary<SubjectiveFactor, string>()), TransportPeriod.WholeSchoolYear),
            new DeclarationStep(true),
        ];
        foreach (var step in steps)
        {
            ResultAssert.Ok(await services.GetRequiredService<ISender>().Send(new SaveApplicationStepCommand(caseId, pseudonym, step), default));
        }

        ResultAssert.Ok(await services.GetRequiredService<ISender>().Send(new SubmitApplicationCommand(caseId, pseudonym), default));
        return caseId;
    }
}
