using System.Text.RegularExpressions;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// Issue 11 "Done when", in a real browser: a Sunnfjord case (Nynorsk) from the parent's application to Statsforvaltaren
/// i Vestland, every page clean under axe. The pre-assessed segment S-01 (seed 001, kap. 7) gives a pupil in grade 6
/// winter transport; the parent appeals, the municipality forwards, Statsforvaltaren confirms that it decides before the
/// comment deadline (the browser app runs on the real clock) and upholds. The HTTP journeys in
/// MunicipalityJourneyTests read the letters and the bundle back.
/// </summary>
public sealed class SunnfjordJourneySpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Kommune = "4647";

    [Fact]
    public async Task A_Sunnfjord_case_goes_in_Nynorsk_from_the_application_to_Statsforvaltaren_and_every_page_passes_axe()
    {
        await using var parent = await browser.NewSessionAsync();
        var caseId = await ApplyAsync(parent);

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await staff.AssertAccessibleAsync();
            await PostAsync(page, page.Locator("#take-case"), "handler=Take");
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Under behandling");
            await staff.AssertAccessibleAsync();

            await staff.GotoAsync($"/ansatt/saker/{caseId}/vurdering");
            await PostAsync(page, page.Locator("form[action*='handler=Run'] button"), "handler=Run");
            await Assertions.Expect(page.Locator("#assessed-legs")).ToContainTextAsync("sunnfjord/S-01");
            await staff.AssertAccessibleAsync();
            await page.Locator("input[name='Subjective.ChangesResult'][value='false']").CheckAsync();
            await page.Locator("[name='Subjective.Conclusion']").FillAsync("Forholda til eleven endrar ikkje resultatet etter retningslinja.");
            await PostAsync(page, page.Locator("form[action*='handler=Subjective'] button[type='submit']"), "handler=Subjective");
            await staff.AssertAccessibleAsync();

            // The form starts from the assessment (winter transport), and issuing confirms the outcome in words.
            await staff.GotoAsync($"/ansatt/saker/{caseId}/vedtak");
            await Assertions.Expect(page.Locator("input[name='Outcome'][value='GrantedWinter']")).ToBeCheckedAsync();
            await staff.AssertAccessibleAsync();
            await PostAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Lagre utkastet" }), "handler=Save");
            await page.Locator("#Confirmed").CheckAsync();
            await PostAsync(page, page.Locator("#issue-decision"), "handler=Issue");
            await Assertions.Expect(page.Locator("#issued-decisions")).ToContainTextAsync("vinterskyss");
            await staff.AssertAccessibleAsync();
            staff.AssertNoConsoleErrors();
        }

        // The parent reads the outcome in words (no processing time any more) and appeals.
        {
            var page = parent.Page;
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune={Kommune}");
            await Assertions.Expect(page.Locator("#outcome-text")).ToContainTextAsync("vinterperioden");
            await Assertions.Expect(page.Locator("#case-handling")).ToHaveCountAsync(0);
            await parent.AssertAccessibleAsync();
            await page.Locator("[name='AppealText']").FillAsync("Eirik treng skyss heile året: vegen har ikkje lys i krappe svingar.");
            await PostAsync(page, page.Locator("#appeal form button[type='submit']"), "handler=Appeal");
            await Assertions.Expect(page.Locator("#appeals")).ToBeVisibleAsync();
            await parent.AssertAccessibleAsync();
        }

        await using (var staff = await browser.NewSessionAsync())
        {
            var page = staff.Page;
            await staff.SignInAsStaffAsync("saksbehandler.sunnfjord@demo.skoleskyss.no");
            await staff.GotoAsync($"/ansatt/saker/{caseId}");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ikkje lys i krappe svingar");
            await staff.AssertAccessibleAsync();
            await PostAsync(page, page.Locator("form[action*='handler=ConsiderAppeal'] button[type='submit']"), "handler=ConsiderAppeal");
            await staff.AssertAccessibleAsync();
            await page.Locator("[name='ForwardAssessment']").FillAsync("Kommunen har vurdert klaga. Strekninga er førehandsvurdert, og vedtaket står ved lag.");
            await PostAsync(page, page.Locator("form[action*='handler=ForwardAppeal'] button[type='submit']"), "handler=ForwardAppeal");
            await staff.AssertAccessibleAsync();
            staff.AssertNoConsoleErrors();
        }

        await using (var governor = await browser.NewSessionAsync())
        {
            var page = governor.Page;
            await governor.SignInAsStaffAsync("klage.vestland@demo.skoleskyss.no");
            await governor.GotoAsync("/klageinstans");
            await Assertions.Expect(page.Locator("#open-cases")).ToContainTextAsync(await CaseNumberAsync(parent, caseId));
            await governor.AssertAccessibleAsync();
            await governor.GotoAsync($"/klageinstans/saker/{caseId}");
            await Assertions.Expect(page.Locator("#appeals")).ToContainTextAsync("ikkje lys i krappe svingar");
            await governor.AssertAccessibleAsync();
            await page.Locator("input[name='Outcome'][value='Upheld']").CheckAsync();
            await page.Locator("[name='Resolution']").FillAsync("Vedtaket blir ståande.");
            await page.Locator("[name='LetterText']").FillAsync("Statsforvaltaren stadfester vedtaket til kommunen.");
            await page.Locator("#DecideEarly").CheckAsync();
            await page.Locator("[name='EarlyDecisionReason']").FillAsync("Saka er godt nok opplyst, og dei føresette har sagt at dei ikkje har fleire merknader.");
            await PostAsync(page, page.Locator("#decide-form button[type='submit']"), "handler=Decide");
            await Assertions.Expect(page.Locator("#decide-form")).ToHaveCountAsync(0);
            await governor.AssertAccessibleAsync();
            governor.AssertNoConsoleErrors();
        }

        // The parent sees the last body's outcome in words.
        {
            var page = parent.Page;
            await parent.GotoAsync($"/mine-saker/{caseId}?kommune={Kommune}");
            await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync("Klaga er avgjord");
            await Assertions.Expect(page.Locator("#next-step")).ToContainTextAsync("Klageinstansen har avgjort klaga.");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Klageinstansen stadfesta vedtaket");
            await Assertions.Expect(page.Locator("#appeal")).ToHaveCountAsync(0);
            await parent.AssertAccessibleAsync();
            parent.AssertNoConsoleErrors();
        }
    }

    /// <summary>Kari Nordmann applies for Eirik (grade 6, Bygstad skule) along the pre-assessed segment S-01.</summary>
    private static async Task<Guid> ApplyAsync(BrowserSession session)
    {
        var page = session.Page;
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Lagre og gå vidare" });
        await session.GotoAsync("/innlogging/testid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Kari Nordmann" }).ClickAsync();
        await session.GotoAsync("/soknad");
        await page.GetByLabel("Kommune").SelectOptionAsync(Kommune);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("barn"));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nn");
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Name']").FillAsync("Eirik Nordmann");
        await page.Locator("[name='Input.NationalIdentityNumber']").FillAsync("11031450006");
        await page.Locator("[name='Input.Grade']").SelectOptionAsync("6");
        await page.Locator("[name='Input.SchoolId']").SelectOptionAsync(new SelectOptionValue { Label = "Bygstad skule" });
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("foresatte"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.ApplicantEmail']").FillAsync("kari@example.no");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("hjem"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Homes[0].Address']").FillAsync("Bygstadvegen 120");
        await page.Locator("[name='Input.Homes[0].PostalCode']").FillAsync("6983");
        await page.Locator("[name='Input.Homes[0].Place']").FillAsync("Kvammen");
        await page.Locator("[name='Input.Homes[0].WalkingDistanceKm']").FillAsync("2,5");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("skoleveg"));
        await session.AssertAccessibleAsync();

        await page.Locator("input[name='Input.SegmentIds'][value='sunnfjord/S-01']").CheckAsync();
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("begrunnelse"));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Text']").FillAsync("Vegen er smal og utan lys.");
        await page.GetByLabel("Heile skuleåret").CheckAsync();
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("vedlegg"));
        await session.AssertAccessibleAsync();
        await page.Locator(".form-actions a.ds-button").ClickAsync();
        await page.WaitForURLAsync(Step("kontroller"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Eirik Nordmann");
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Eg stadfestar at opplysningane er rette").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("kvittering"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Søknaden er motteken");
        await session.AssertAccessibleAsync();
        return Guid.Parse(new Uri(page.Url).Segments[2].TrimEnd('/'));
    }

    private static async Task<string> CaseNumberAsync(BrowserSession parent, Guid caseId)
    {
        await parent.GotoAsync($"/soknad/{caseId}/kvittering?kommune={Kommune}");
        return (await parent.Page.Locator("#case-number").TextContentAsync())!.Trim();
    }

    /// <summary>Clicks a button that posts a form and waits for the answer (a redirect, never an error) and the page after it.</summary>
    private static async Task PostAsync(IPage page, ILocator button, string handler)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => button.ClickAsync(new() { Timeout = 60_000 }),
            r => r.Request.Method == "POST" && r.Url.Contains(handler, StringComparison.Ordinal),
            new() { Timeout = 60_000 });
        Assert.True(response.Status < 400, $"{handler}: {response.Status}");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static Regex Step(string step) => new($"/soknad/[0-9a-f-]{{36}}/{step}\\?kommune={Kommune}$");
}
