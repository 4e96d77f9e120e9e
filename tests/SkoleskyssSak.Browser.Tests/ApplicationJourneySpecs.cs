using System.Text.RegularExpressions;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>A parent applies in a real browser: TestID, every step, the receipt and Mine saker, each passing axe.</summary>
public sealed partial class ApplicationJourneySpecs(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The texts a parent reads and clicks, in the municipality's language form.</summary>
    public sealed record Journey(
        string Municipality,
        string SaveAndContinue,
        string ShowGuidance,
        string RoadKind,
        string WholeYear,
        string Declaration,
        string ReceiptTitle,
        string Received,
        string Uploaded,
        string Place);

    public static TheoryData<Journey> Journeys() =>
    [
        new Journey("5028", "Lagre og gå videre", "Vis foreløpig vurdering", "Hva slags veg?", "Hele skoleåret", "Jeg bekrefter at opplysningene er riktige", "Søknaden er mottatt", "Mottatt", "Fila er lastet opp.", "Melhus"),
        new Journey("4647", "Lagre og gå vidare", "Vis førebels vurdering", "Kva slags veg?", "Heile skuleåret", "Eg stadfestar at opplysningane er rette", "Søknaden er motteken", "Motteken", "Fila er lasta opp.", "Førde"),
    ];

    /// <summary>
    /// Issue 4 "done when": a parent in Melhus (Bokmål) and one in Sunnfjord (Nynorsk) each apply, leave halfway, come
    /// back, attach a file, submit, get the receipt and see the case with its documents; every page passes axe.
    /// </summary>
    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task A_parent_applies_leaves_halfway_comes_back_attaches_a_file_submits_and_follows_the_case(Journey j)
    {
        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        var save = page.GetByRole(AriaRole.Button, new() { Name = j.SaveAndContinue });

        await session.GotoAsync("/soknad");
        await page.GetByRole(AriaRole.Link, new() { Name = "Logg inn med ID-porten" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Logg inn som Ola Hansen" }).ClickAsync();
        await page.WaitForURLAsync(ApplyPage());
        await session.AssertAccessibleAsync();

        await page.GetByLabel("Kommune").SelectOptionAsync(j.Municipality);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("barn", j));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Steg 1 av 7");
        await session.AssertAccessibleAsync();

        // A wrong fødselsnummer: the summary and the field say so.
        await page.Locator("[name='Input.Name']").FillAsync("Tone Hansen");
        await page.Locator("[name='Input.NationalIdentityNumber']").FillAsync("15091550014");
        await page.Locator("[name='Input.Grade']").SelectOptionAsync("3");
        await page.Locator("[name='Input.SchoolId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await save.ClickAsync();
        await Assertions.Expect(page.Locator(".ds-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[name='Input.NationalIdentityNumber']")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.NationalIdentityNumber']").FillAsync("15091550013");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("foresatte", j));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.ApplicantEmail']").FillAsync("ola@example.no");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("hjem", j));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Homes[0].Address']").FillAsync("Storvegen 1");
        await page.Locator("[name='Input.Homes[0].PostalCode']").FillAsync("7224");
        await page.Locator("[name='Input.Homes[0].Place']").FillAsync(j.Place);
        await page.Locator("[name='Input.Homes[0].WalkingDistanceKm']").FillAsync("1,5");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("skoleveg", j));

        // Leave halfway (a new session on another device would do the same) and come back through Mine saker:
        // every saved step is there.
        await session.GotoAsync("/mine-saker");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Fortsett|Hald fram)") }).First.ClickAsync();
        await page.WaitForURLAsync(Step("barn", j));
        await Assertions.Expect(page.Locator("[name='Input.Name']")).ToHaveValueAsync("Tone Hansen");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("foresatte", j));
        await Assertions.Expect(page.Locator("[name='Input.ApplicantEmail']")).ToHaveValueAsync("ola@example.no");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("hjem", j));
        await Assertions.Expect(page.Locator("[name='Input.Homes[0].Address']")).ToHaveValueAsync("Storvegen 1");
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("skoleveg", j));
        await session.AssertAccessibleAsync();

        var leg = page.Locator(".route-leg").Nth(0);
        await leg.GetByLabel("Går langs vegen").CheckAsync();
        await leg.GetByLabel(j.RoadKind).SelectOptionAsync("county");
        await leg.GetByLabel("Fartsgrense (km/t)").SelectOptionAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = j.ShowGuidance }).ClickAsync();
        await Assertions.Expect(page.Locator("#guidance-heading")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("begrunnelse", j));
        await session.AssertAccessibleAsync();

        await page.Locator("[name='Input.Text']").FillAsync("Ingen fortau og mye tungtrafikk.");
        await page.GetByLabel(j.WholeYear).CheckAsync();
        await save.ClickAsync();
        await page.WaitForURLAsync(Step("vedlegg", j));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Steg 6 av 7");
        await session.AssertAccessibleAsync();

        // A file that is not what its name says is refused next to the field; a real PDF is accepted.
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "bilde.png", MimeType = "image/png", Buffer = "MZ not an image"u8.ToArray() });
        await page.Locator("form[enctype='multipart/form-data'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("#Upload")).ToHaveAttributeAsync("aria-invalid", "true");
        await session.AssertAccessibleAsync();
        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "legeerklaering.pdf", MimeType = "application/pdf", Buffer = MinimalPdf });
        await page.Locator("#Confidential").CheckAsync();
        await page.Locator("form[enctype='multipart/form-data'] button[type='submit']").ClickAsync();
        await Assertions.Expect(page.Locator("[role='status']")).ToHaveTextAsync(j.Uploaded);
        await Assertions.Expect(page.Locator("#attachments")).ToContainTextAsync("legeerklaering.pdf");
        await session.AssertAccessibleAsync();
        await page.Locator(".form-actions a.ds-button").ClickAsync();
        await page.WaitForURLAsync(Step("kontroller", j));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tone Hansen");
        await Assertions.Expect(page.Locator("#section-vedlegg")).ToContainTextAsync("legeerklaering.pdf");
        await session.AssertAccessibleAsync();

        await page.GetByLabel(j.Declaration).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send søknad" }).ClickAsync();
        await page.WaitForURLAsync(Step("kvittering", j));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(j.ReceiptTitle);
        var number = (await page.Locator("#case-number").TextContentAsync())!.Trim();
        var caseId = new Uri(page.Url).Segments[2].TrimEnd('/');
        Assert.Matches(@"^\d{4}/\d{5}$", number);
        await session.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Gå til Mine saker" }).ClickAsync();
        await page.WaitForURLAsync(MyCasesPage());
        // Case numbers run per municipality: find the row by the case itself.
        var row = page.Locator($"tbody tr:has(a[href='/mine-saker/{caseId}'])");
        await Assertions.Expect(row).ToContainTextAsync(new Regex("Mottatt|Motteken"));
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(page.Locator("#case-state")).ToHaveTextAsync(j.Received);
        await Assertions.Expect(page.Locator("#documents")).ToContainTextAsync("legeerklaering.pdf");
        await session.AssertAccessibleAsync();

        // The attachment downloads as the same bytes.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#documents a", new() { HasText = "legeerklaering.pdf" }).ClickAsync());
        Assert.Equal("legeerklaering.pdf", download.SuggestedFilename);
        Assert.Equal(MinimalPdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        session.AssertNoConsoleErrors();
    }

    private static readonly byte[] MinimalPdf = SkoleskyssSak.Testing.TestPdfs.Minimal();

    private static Regex Step(string step, Journey journey) => new($"/soknad/[0-9a-f-]{{36}}/{step}\\?kommune={journey.Municipality}$");

    [GeneratedRegex("/soknad$")]
    private static partial Regex ApplyPage();

    [GeneratedRegex("/mine-saker$")]
    private static partial Regex MyCasesPage();
}
