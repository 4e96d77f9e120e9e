using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// The municipality admin's rulebook (issue 3, "Done when": the admin can make and activate a new version that
/// changes the answer for new assessments only). Each class below has its own app and database, because the
/// tests change the rulebooks.
/// </summary>
public sealed class AdminRulebookTests(AppFixture app) : IClassFixture<AppFixture>
{
    internal const string MelhusAdmin = "admin.melhus@demo.skoleskyss.no";
    internal const string SunnfjordAdmin = "admin.sunnfjord@demo.skoleskyss.no";

    /// <summary>The value of a command that must have succeeded.</summary>
    internal static T Done<T>(CommandResult<T> result)
        where T : notnull
    {
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    /// <summary>Asserts that a command succeeded.</summary>
    internal static void Done(CommandResult result) => Assert.True(result.IsOk, result.ToString());

    [Fact]
    public async Task The_admin_sees_Melhus_table_with_its_18_rows_laid_out_by_grade_band()
    {
        var client = await AdminAsync(app, MelhusAdmin);
        var start = await client.Http.GetAsync(new Uri("/admin/retningslinje", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/admin/retningslinje/5028", start.Headers.Location!.OriginalString);

        var (response, page) = await client.FollowAsync(start);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(18, RuleRows(page).Count);
        Assert.Equal(["Rad", "Beskrivelse", "1. trinn", "2–4. trinn", "5–7. trinn", "8–10. trinn"],
            page.QuerySelectorAll(".rulebook-table thead th").Select(th => th.TextContent.Trim()).ToArray());
        Assert.All(page.QuerySelectorAll(".rulebook-table th"), th => Assert.NotNull(th.GetAttribute("scope")));
        var row9 = Row(page, "melhus/T1-09");
        Assert.Equal("melhus/T1-09", row9.QuerySelector("th[scope=row]")!.TextContent);
        Assert.Contains("Fartsgrense 40", row9.QuerySelector(".rule-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vinterskyss kan vurderes", Cell(row9, "1").TextContent);
        Assert.Equal("Ikke skyss etter retningslinjene", Cell(row9, "2-4").TextContent);
        Assert.Contains("5028/v1", page.QuerySelector(".rulebook-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".ds-alert[data-color=warning]")); // Melhus' table is published, not reconstructed
    }

    [Fact]
    public async Task The_admin_makes_and_activates_a_new_version_that_changes_the_answer_for_new_assessments_only()
    {
        var today = NorwegianTime.Today(DateTimeOffset.UtcNow);
        var client = await AdminAsync(app, MelhusAdmin);

        // Before: Tabell 1 row 9 gives grade 1 "Nei *" on a county road at 50 km/h without sidewalk.
        var (_, before) = await AssessAsync(client, null);
        Assert.Equal("considerWinter", before.GetProperty("outcome").GetString());
        Assert.Equal("5028/v1", before.GetProperty("rulebook").GetProperty("version").GetString());

        // A new draft, copied from the active version.
        var (_, active) = await client.GetAsync("/admin/retningslinje/5028");
        var (created, createdPage) = await client.SubmitAsync(active, "form#create-draft", new Dictionary<string, string>());
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, createdPage.QuerySelector("main")?.TextContent);
        Assert.Equal("/admin/retningslinje/5028/versjon/2", created.Headers.Location!.OriginalString);
        var (_, draft) = await client.FollowAsync(created);
        Assert.Equal(18, RuleRows(draft).Count);
        Assert.Contains("Utkast til ny versjon (5028/v2)", draft.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Row 9 gives grade 1 year-round transport.
        var (_, form) = await client.GetAsync("/admin/retningslinje/5028/versjon/2/rad?id=melhus%2FT1-09");
        Assert.Equal("considerWinter", SelectedValue(form, "Form.Outcomes[1]"));
        Assert.Contains("\"speedMin\": 40", form.QuerySelector("textarea[name='Form.Conditions']")!.TextContent, StringComparison.Ordinal);
        var (saved, _) = await client.SubmitAsync(form, "form#rule-form", new Dictionary<string, string> { ["Form.Outcomes[1]"] = "yearRound" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // Validation finds nothing; the draft shows the change.
        var (_, edited) = await client.GetAsync("/admin/retningslinje/5028/versjon/2");
        Assert.Equal("yearRound", Cell(Row(edited, "melhus/T1-09"), "1").GetAttribute("data-outcome"));
        Assert.Empty(edited.QuerySelectorAll(".findings li"));
        Assert.Contains("Kontrollen fant ingen feil eller advarsler.", edited.QuerySelector(".draft-check")!.TextContent, StringComparison.Ordinal);

        // The active version is untouched by the draft: the answer is still the old one.
        var (_, stillOld) = await AssessAsync(client, null);
        Assert.Equal("considerWinter", stillOld.GetProperty("outcome").GetString());

        // Activate from today (a Norwegian date).
        var (activated, _) = await client.SubmitAsync(edited, "form#activate", new Dictionary<string, string>
        {
            ["Activation.ValidFrom"] = today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            ["Activation.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);
        Assert.Equal("/admin/retningslinje/5028/historikk", activated.Headers.Location!.OriginalString);

        // New assessments get the new answer and version; an assessment dated before the start keeps the old.
        var (_, after) = await AssessAsync(client, null);
        Assert.Equal("yearRound", after.GetProperty("outcome").GetString());
        Assert.Equal("5028/v2", after.GetProperty("rulebook").GetProperty("version").GetString());
        Assert.Contains("melhus/T1-09", after.GetProperty("legs")[0].GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var (_, dated) = await AssessAsync(client, today.AddDays(-1));
        Assert.Equal("considerWinter", dated.GetProperty("outcome").GetString());
        Assert.Equal("5028/v1", dated.GetProperty("rulebook").GetProperty("version").GetString());

        // The history: v1 retired the day before v2 starts.
        var (_, history) = await client.FollowAsync(activated);
        Assert.Contains("Versjon 5028/v2 er tatt i bruk", history.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var v1 = history.QuerySelector("tr[data-version='1']")!;
        var v2 = history.QuerySelector("tr[data-version='2']")!;
        Assert.Equal("Retired", v1.GetAttribute("data-status"));
        Assert.Contains("Avsluttet", v1.TextContent, StringComparison.Ordinal);
        Assert.Equal(today.AddDays(-1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), v1.QuerySelector("[data-field=validTo]")!.TextContent);
        Assert.Equal("Active", v2.GetAttribute("data-status"));
        Assert.Equal(today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), v2.QuerySelector("[data-field=validFrom]")!.TextContent);
        Assert.Equal(string.Empty, v2.QuerySelector("[data-field=validTo]")!.TextContent);

        // The table page shows the new version; the old one can still be read.
        var (_, nowActive) = await client.GetAsync("/admin/retningslinje/5028");
        Assert.Contains("5028/v2", nowActive.QuerySelector(".rulebook-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("yearRound", Cell(Row(nowActive, "melhus/T1-09"), "1").GetAttribute("data-outcome"));
        var (_, old) = await client.GetAsync("/admin/retningslinje/5028/versjon/1");
        Assert.Equal("considerWinter", Cell(Row(old, "melhus/T1-09"), "1").GetAttribute("data-outcome"));
        Assert.Null(old.QuerySelector("form#activate"));

        // Each step was audited as a change of the rulebook, by the admin.
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var adminId = (await db.Users.SingleAsync(u => u.Email == MelhusAdmin)).Id.ToString();
        var audit = await db.AuditEvents.Where(e => e.ObjectType == "Rulebook").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["RulebookDraftCreated", "RulebookRuleEdited", "RulebookActivated", "RulebookRetired"], audit.Select(e => e.Action).ToArray());
        Assert.All(audit, e => Assert.Equal(adminId, e.ActorId));
        Assert.All(audit, e => Assert.Equal("Staff", e.ActorKind));
        Assert.StartsWith("5028/v2", audit.Single(e => e.Action == "RulebookActivated").ObjectId, StringComparison.Ordinal);
        Assert.Equal("5028/v2:melhus/T1-09", audit.Single(e => e.Action == "RulebookRuleEdited").ObjectId);
        Assert.StartsWith("5028/v1", audit.Single(e => e.Action == "RulebookRetired").ObjectId, StringComparison.Ordinal);

        // Exactly one active version; the stored new version carries its own number and start.
        var versions = await db.RulebookVersions.Where(r => r.MunicipalityNumber == "5028").OrderBy(r => r.Version).ToListAsync();
        Assert.Single(versions, v => v.Status == RulebookStatus.Active);
        var document = RulebookDocument.Parse(versions[1].Content);
        Assert.Equal(2, document.Version);
        Assert.Equal(today, document.ValidFrom);
    }

    internal static async Task<PageClient> AdminAsync(AppFixture app, string email)
    {
        var client = app.NewClient();
        var response = await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    internal static IReadOnlyList<IElement> RuleRows(IDocument page) => page.QuerySelectorAll("tr[data-rule-id]").ToList();

    internal static IElement Row(IDocument page, string ruleId) =>
        page.QuerySelectorAll("tr[data-rule-id]").SingleOrDefault(r => r.GetAttribute("data-rule-id") == ruleId)
        ?? throw new Xunit.Sdk.XunitException($"No row {ruleId} on {page.Url}");

    internal static IElement Cell(IElement row, string band) => row.QuerySelector($"td[data-band='{band}']")!;

    internal static string? SelectedValue(IDocument page, string name) =>
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>($"select[name='{name}']")!.Value;

    /// <summary>Grade 1 walking along a county road at 50 km/h without sidewalk (Melhus Tabell 1 row 9).</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> AssessAsync(PageClient client, DateOnly? date)
    {
        var request = new Dictionary<string, object?>
        {
            ["municipalityNumber"] = "5028",
            ["grade"] = 1,
            ["legs"] = new[] { new { kind = "along", roadCategory = "county", speedLimit = 50, pedestrianFacility = "none" } },
        };
        if (date is { } d)
        {
            request["date"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var response = await client.Http.PostAsJsonAsync(new Uri("/api/v1/route-assessments", UriKind.Relative), request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.StatusCode, body);
    }
}

/// <summary>What the admin is refused, and that a refusal saves nothing.</summary>
public sealed class AdminRulebookRefusalTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string[] Bands = ["1", "2-4", "5-7", "8-10"];

    private async Task<(PageClient Client, int Draft)> DraftAsync()
    {
        var client = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateDraftCommand("5028"), CancellationToken.None);
        return (client, AdminRulebookTests.Done(result).Version);
    }

    private async Task<string> ContentAsync(int version)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.RulebookVersions.Where(r => r.MunicipalityNumber == "5028" && r.Version == version).Select(r => r.Content).SingleAsync();
    }

    [Fact]
    public async Task Editing_the_active_version_is_refused_with_a_message_and_changes_nothing()
    {
        var (client, draft) = await DraftAsync();
        var before = await ContentAsync(1);

        // The edit form exists only for drafts …
        var notForm = await client.Http.GetAsync(new Uri("/admin/retningslinje/5028/versjon/1/rad?id=melhus%2FT1-09", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notForm.StatusCode);

        // … and a post aimed at the active version is refused.
        var (_, form) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}/rad?id=melhus%2FT1-09");
        var (response, page) = await client.SubmitAsync(form, "form#rule-form",
            new Dictionary<string, string> { ["Form.Outcomes[1]"] = "yearRound" }, "/admin/retningslinje/5028/versjon/1/rad?id=melhus%2FT1-09");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Versjon 5028/v1 er tatt i bruk og kan ikke endres", page.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ContentAsync(1));

        // The same through the handler, and for removing a row.
        using var scope = app.Services.CreateScope();
        var remove = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new RemoveRuleCommand("5028", 1, "melhus/T1-09"), CancellationToken.None);
        Assert.Contains("kan ikke endres", Assert.IsType<Failure.Refused>(remove.Failure).Reason, StringComparison.Ordinal);
        Assert.Equal(before, await ContentAsync(1));
    }

    [Theory]
    [InlineData("{ \"kind\": \"along\", ", "ikke gyldig JSON")]
    [InlineData("{ \"kind\": \"along\", \"roadCategories\": [\"fylkesveg\"] }", "Ukjent verdi «fylkesveg» i «roadCategories»")]
    [InlineData("{ \"fartsgrense\": 50 }", "Ukjent felt «fartsgrense»")]
    public async Task Invalid_conditions_get_a_message_naming_the_problem_and_nothing_is_saved(string conditions, string message)
    {
        var (client, draft) = await DraftAsync();
        var before = await ContentAsync(draft);
        var (_, form) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}/rad?id=melhus%2FT1-09");
        var (response, page) = await client.SubmitAsync(form, "form#rule-form", new Dictionary<string, string>
        {
            ["Form.Conditions"] = conditions,
            ["Form.Outcomes[1]"] = "yearRound",
            ["Form.Text"] = "Endret tekst",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".ds-error-summary")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Form_Conditions", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#Form_Conditions")!.GetAttribute("aria-invalid"));
        Assert.Equal(conditions, page.QuerySelector("#Form_Conditions")!.TextContent); // what was typed is kept
        Assert.Equal(before, await ContentAsync(draft));
    }

    [Fact]
    public async Task A_row_without_text_is_refused()
    {
        var (client, draft) = await DraftAsync();
        var before = await ContentAsync(draft);
        var (_, form) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}/rad?id=melhus%2FT1-09");
        var (_, page) = await client.SubmitAsync(form, "form#rule-form", new Dictionary<string, string> { ["Form.Text"] = " " });
        Assert.Contains("Skriv teksten til raden", page.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ContentAsync(draft));
    }

    [Fact]
    public async Task A_contradictory_duplicate_row_is_reported_by_validation_and_blocks_activation()
    {
        var (client, draft) = await DraftAsync();

        // Row 9 again under a new id, but with year-round transport for grade 1.
        var (_, add) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}/rad");
        var values = new Dictionary<string, string>
        {
            ["Form.Id"] = "melhus/T1-09-kopi",
            ["Form.Text"] = "Fylkes- og kommunal veg: 40 – 50 km/t, uten gang-/sykkelveg/fortau",
            ["Form.Conditions"] = """{ "kind": "along", "roadCategories": ["county", "municipal"], "speedMin": 40, "speedMax": 50, "pedestrianFacilities": ["none", "widenedShoulder"] }""",
            ["Form.Outcomes[1]"] = "yearRound",
            ["Form.Outcomes[2-4]"] = "none",
            ["Form.Outcomes[5-7]"] = "none",
            ["Form.Outcomes[8-10]"] = "none",
        };
        var (added, _) = await client.SubmitAsync(add, "form#rule-form", values);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // The same id twice is refused at once.
        var (_, again) = await client.SubmitAsync(add, "form#rule-form", values);
        Assert.Contains("Det finnes allerede en rad med id melhus/T1-09-kopi", again.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        var (_, page) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}");
        Assert.Equal(19, AdminRulebookTests.RuleRows(page).Count);
        var error = Assert.Single(page.QuerySelectorAll(".findings li[data-severity=Error]"));
        Assert.Contains("Motstridende rader: melhus/T1-09 og melhus/T1-09-kopi", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("trinn 1", error.TextContent, StringComparison.Ordinal);

        var (response, refused) = await client.SubmitAsync(page, "form#activate", new Dictionary<string, string>
        {
            ["Activation.ValidFrom"] = NorwegianTime.Today(DateTimeOffset.UtcNow).AddDays(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            ["Activation.Confirm"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Utkastet har feil som må rettes", refused.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        await AssertStillOnlyVersion1ActiveAsync();

        // Removing the copy clears the finding.
        var (removed, _) = await client.SubmitAsync(refused, "form.remove-rule[data-rule-id='melhus/T1-09-kopi']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var (_, clean) = await client.FollowAsync(removed);
        Assert.Equal(18, AdminRulebookTests.RuleRows(clean).Count);
        Assert.Empty(clean.QuerySelectorAll(".findings li[data-severity=Error]"));
    }

    [Fact]
    public async Task Activation_dated_before_the_active_versions_start_is_refused()
    {
        var (client, draft) = await DraftAsync();
        var (_, page) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}");
        var (_, refused) = await client.SubmitAsync(page, "form#activate", new Dictionary<string, string>
        {
            ["Activation.ValidFrom"] = "31.07.2025", // Melhus v1 is in force from 01.08.2025
            ["Activation.Confirm"] = "true",
        });
        var summary = refused.QuerySelector(".ds-error-summary")!;
        Assert.Contains("Datoen må være etter 01.08.2025", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Activation_ValidFrom", summary.QuerySelector("a")!.GetAttribute("href"));
        await AssertStillOnlyVersion1ActiveAsync();
    }

    [Fact]
    public async Task Activation_needs_a_valid_date_and_the_confirmation()
    {
        var (client, draft) = await DraftAsync();
        var (_, page) = await client.GetAsync($"/admin/retningslinje/5028/versjon/{draft}");
        var (_, refused) = await client.SubmitAsync(page, "form#activate", new Dictionary<string, string> { ["Activation.ValidFrom"] = "32.13.2027" });
        var links = refused.QuerySelectorAll(".ds-error-summary a").Select(a => a.GetAttribute("href") ?? string.Empty).ToArray();
        Assert.Equal(["#Activation_ValidFrom", "#Activation_Confirm"], links);
        Assert.Contains("dd.mm.åååå", refused.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);

        // A date in the past (but after v1's start) would change answers already given.
        var (_, past) = await client.SubmitAsync(page, "form#activate", new Dictionary<string, string>
        {
            ["Activation.ValidFrom"] = NorwegianTime.Today(DateTimeOffset.UtcNow).AddDays(-1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            ["Activation.Confirm"] = "true",
        });
        Assert.Contains("tilbake i tid", past.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
        await AssertStillOnlyVersion1ActiveAsync();
    }

    [Fact]
    public async Task A_second_draft_is_not_made_while_one_exists()
    {
        var (client, draft) = await DraftAsync();
        using var scope = app.Services.CreateScope();
        var again = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateDraftCommand("5028"), CancellationToken.None);
        var done = AdminRulebookTests.Done(again);
        Assert.Equal(draft, done.Version);
        Assert.False(done.Created);

        // The table page leads to the existing draft instead of offering a new one.
        var (_, page) = await client.GetAsync("/admin/retningslinje/5028");
        Assert.Null(page.QuerySelector("form#create-draft"));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/retningslinje/5028/versjon/{draft}']"));
    }

    [Fact]
    public async Task The_validator_checks_a_row_against_the_draft_and_answers_Invalid_with_every_message_in_the_pages_language()
    {
        var (_, draft) = await DraftAsync();
        var before = await ContentAsync(draft);
        var command = new AddRuleCommand("5028", draft, "melhus/T1-09", " ", null,
            new Dictionary<string, string?> { ["2-4"] = "often", ["11"] = "none" }, "{ \"kind\": \"along\", ");

        using var scope = app.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var invalid = Assert.IsType<Failure.Invalid>((await sender.Send(command, CancellationToken.None)).Failure);
        Assert.Equal(["Conditions", "Outcomes[11]", "Outcomes[2-4]", "RuleId", "Text"], invalid.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("Det finnes allerede en rad med id melhus/T1-09.", Assert.Single(invalid.Errors["RuleId"]));
        Assert.Equal("Skriv teksten til raden slik den står i retningslinjen.", Assert.Single(invalid.Errors["Text"]));
        Assert.StartsWith("Ukjent utfall «often». Gyldige utfall er ", Assert.Single(invalid.Errors["Outcomes[2-4]"]), StringComparison.Ordinal);
        Assert.StartsWith("Trinnet «11» finnes ikke i retningslinjen.", Assert.Single(invalid.Errors["Outcomes[11]"]), StringComparison.Ordinal);
        Assert.Contains("ikke gyldig JSON", Assert.Single(invalid.Errors["Conditions"]), StringComparison.Ordinal);
        Assert.Equal(before, await ContentAsync(draft));

        // The messages come in the page's language form: Nynorsk for a Nynorsk request.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nn-NO");
        try
        {
            var nynorsk = Assert.IsType<Failure.Invalid>((await sender.Send(command, CancellationToken.None)).Failure);
            Assert.Equal("Skriv teksten til rada slik han står i retningslina.", Assert.Single(nynorsk.Errors["Text"]));
            Assert.StartsWith("Trinnet «11» finst ikkje i retningslina.", Assert.Single(nynorsk.Errors["Outcomes[11]"]), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_version_that_is_no_draft_or_a_row_that_does_not_exist_is_answered_before_the_input_is_checked()
    {
        var (_, draft) = await DraftAsync();
        using var scope = app.Services.CreateScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var noOutcomes = new Dictionary<string, string?>();

        // The active version: refused (as the page says), not a list of field errors.
        var active = await sender.Send(new AddRuleCommand("5028", 1, null, null, null, noOutcomes, null), CancellationToken.None);
        Assert.Contains("kan ikke endres", Assert.IsType<Failure.Refused>(active.Failure).Reason, StringComparison.Ordinal);
        var activation = await sender.Send(new ActivateDraftCommand("5028", 1, null), CancellationToken.None);
        Assert.IsType<Failure.Refused>(activation.Failure);

        // No such version, row or segment: not found.
        Assert.IsType<Failure.NotFound>((await sender.Send(new EditRuleCommand("5028", 99, "melhus/T1-09", null, null, noOutcomes, null), CancellationToken.None)).Failure);
        Assert.IsType<Failure.NotFound>((await sender.Send(new EditRuleCommand("5028", draft, "melhus/T1-99", null, null, noOutcomes, null), CancellationToken.None)).Failure);
        Assert.IsType<Failure.NotFound>((await sender.Send(new EditSegmentCommand("5028", draft, "melhus/S-99", noOutcomes, null), CancellationToken.None)).Failure);

        // The draft itself: the input is checked.
        var missingDate = await sender.Send(new ActivateDraftCommand("5028", draft, null), CancellationToken.None);
        Assert.Equal(["Skriv datoen den nye versjonen skal gjelde fra (dd.mm.åååå)."], Assert.IsType<Failure.Invalid>(missingDate.Failure).Errors["ValidFrom"]);
    }

    [Fact]
    public async Task Segments_of_a_draft_are_edited_per_grade_band()
    {
        // Melhus has no segments in the service; the handler says so for any id.
        using var scope = app.Services.CreateScope();
        var (_, draft) = await DraftAsync();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new EditSegmentCommand("5028", draft, "melhus/S-01", Bands.ToDictionary(b => b, _ => (string?)"none"), "Vurdering"), CancellationToken.None);
        Assert.IsType<Failure.NotFound>(result.Failure);
    }

    private async Task AssertStillOnlyVersion1ActiveAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var active = await db.RulebookVersions.Where(r => r.MunicipalityNumber == "5028" && r.Status == RulebookStatus.Active).Select(r => r.Version).ToListAsync();
        Assert.Equal([1], active);
    }
}

/// <summary>Trying to cross the lines: another municipality, another role, no sign-in.</summary>
public sealed class AdminRulebookAccessTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/admin/retningslinje/4647")]
    [InlineData("/admin/retningslinje/4647/historikk")]
    [InlineData("/admin/retningslinje/4647/versjon/1")]
    [InlineData("/admin/retningslinje/4647/versjon/1/strekning?id=sunnfjord%2FS-01")]
    [InlineData("/admin/retningslinje/4647/versjon/1/rad?id=sunnfjord%2FVEGARBEID")]
    [InlineData("/admin/retningslinje/1833")]
    [InlineData("/admin/retningslinje/5028/versjon/99")]
    [InlineData("/admin/retningslinje/5028/versjon/1/rad?id=sunnfjord%2FVEGARBEID")]
    public async Task Melhus_admin_gets_404_for_another_municipality_or_a_version_it_does_not_have(string url)
    {
        var client = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sunnfjord/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sunnfjord", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Melhus_admin_cannot_change_Sunnfjords_rulebook()
    {
        var client = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        var (_, own) = await client.GetAsync("/admin/retningslinje/5028");

        // A valid antiforgery token of its own, aimed at Sunnfjord's address.
        var (draft, _) = await client.SubmitAsync(own, "form#create-draft", new Dictionary<string, string>(), "/admin/retningslinje/4647?handler=CreateDraft");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        var (activate, _) = await client.SubmitAsync(own, "form#create-draft", new Dictionary<string, string>
        {
            ["Activation.ValidFrom"] = "01.08.2099",
            ["Activation.Confirm"] = "true",
        }, "/admin/retningslinje/4647/versjon/1?handler=Activate");
        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
        var (remove, _) = await client.SubmitAsync(own, "form#create-draft", new Dictionary<string, string> { ["ruleId"] = "sunnfjord/VEGARBEID" },
            "/admin/retningslinje/4647/versjon/1?handler=RemoveRule");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sunnfjord = await db.RulebookVersions.Where(r => r.MunicipalityNumber == "4647").ToListAsync();
        var only = Assert.Single(sunnfjord);
        Assert.Equal(RulebookStatus.Active, only.Status);
        Assert.Equal(RulebookSeeds.For("4647").ToJson(), RulebookDocument.Parse(only.Content).ToJson());
        Assert.DoesNotContain(await db.AuditEvents.Where(e => e.ObjectType == "Rulebook").Select(e => e.ObjectId).ToListAsync(), id => id!.StartsWith("4647", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("saksbehandler.melhus@demo.skoleskyss.no")]
    [InlineData("skole.forde@demo.skoleskyss.no")]
    [InlineData("klage.vestland@demo.skoleskyss.no")]
    public async Task Other_staff_roles_are_denied(string email)
    {
        var client = app.NewClient();
        await StaffSignInTests.SignInAsync(client, email, DemoDataSeeder.DemoPassword);
        foreach (var url in new[] { "/admin/retningslinje", "/admin/retningslinje/5028", "/admin/retningslinje/5028/historikk", "/admin/retningslinje/5028/versjon/1" })
        {
            var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/ingen-tilgang", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_parent_is_sent_to_the_staff_sign_in()
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = "12838510068",
            ["Input.Name"] = "Kari Nordmann",
        });
        var (mine, _) = await client.GetAsync("/mine-saker");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode); // signed in as a parent

        var response = await client.Http.GetAsync(new Uri("/admin/retningslinje/5028", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/retningslinje")]
    [InlineData("/admin/retningslinje/5028")]
    [InlineData("/admin/retningslinje/4647/versjon/1")]
    public async Task An_anonymous_visitor_is_sent_to_the_staff_sign_in(string url)
    {
        var response = await app.NewClient().Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_post_changes_nothing()
    {
        var client = app.NewClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Activation.ValidFrom"] = "01.08.2099", ["Activation.Confirm"] = "true" });
        var response = await client.Http.PostAsync(new Uri("/admin/retningslinje/5028/versjon/1?handler=Activate", UriKind.Relative), content);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Sunnfjords_admin_sees_its_reconstructed_grid_in_Nynorsk_and_the_staff_page_links_to_it()
    {
        var client = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        var (_, staff) = await client.GetAsync("/ansatt");
        Assert.Equal("/admin/retningslinje", staff.QuerySelector("main a[href='/admin/retningslinje']")!.GetAttribute("href"));

        var (response, page) = await client.GetAsync("/admin/retningslinje/4647");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nn", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Gjeldande retningsline", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("rekonstruert", page.QuerySelector(".ds-alert[data-color=warning]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RulebookSeeds.For("4647").Rules.Count, AdminRulebookTests.RuleRows(page).Count);
        Assert.Equal(25, page.QuerySelectorAll("tr[data-segment-id]").Length);
        Assert.Equal(["Rad", "Skildring", "1–4. trinn", "5–7. trinn", "8–10. trinn"],
            page.QuerySelectorAll(".rulebook-table thead")[0].QuerySelectorAll("th").Select(th => th.TextContent.Trim()).ToArray());

        // And Melhus' admin cannot reach it.
        var melhus = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.MelhusAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await melhus.Http.GetAsync(new Uri("/admin/retningslinje/4647", UriKind.Relative))).StatusCode);
    }
}

/// <summary>Two admins activating at the same moment: one wins, the other is told, never two active versions.</summary>
public sealed class AdminRulebookConcurrencyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Concurrent_activations_leave_exactly_one_active_version_and_no_error()
    {
        await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin); // starts the app
        int draft;
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateDraftCommand("4647"), CancellationToken.None);
            draft = AdminRulebookTests.Done(created).Version;
        }

        var validFrom = NorwegianTime.Today(DateTimeOffset.UtcNow).AddDays(7);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new ActivateDraftCommand("4647", draft, validFrom), CancellationToken.None);
        }));

        Assert.Single(results, r => r.IsOk);
        Assert.All(results.Where(r => !r.IsOk), r =>
            Assert.True(r.Failure is Failure.Conflict or Failure.Refused, r.ToString()));
        if (results.Select(r => r.Failure).OfType<Failure.Conflict>().FirstOrDefault() is { } conflict)
        {
            Assert.Equal("Noen andre har endret retningslinjen samtidig. Last siden på nytt.", conflict.Reason);
        }

        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var versions = await db.RulebookVersions.Where(r => r.MunicipalityNumber == "4647").OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([RulebookStatus.Retired, RulebookStatus.Active], versions.Select(v => v.Status).ToArray());
        Assert.Equal(validFrom.AddDays(-1), versions[0].ValidTo);
        Assert.Single(await db.AuditEvents.Where(e => e.Action == "RulebookActivated").ToListAsync());
    }

    [Fact]
    public async Task An_activation_from_a_stale_read_is_a_conflict_with_a_message_and_changes_nothing()
    {
        await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var draft = AdminRulebookTests.Done(
            await first.ServiceProvider.GetRequiredService<ISender>().Send(new CreateDraftCommand("3105"), CancellationToken.None)).Version;

        // The second admin has read both versions before the first admin's activation commits.
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        await db2.RulebookVersions.Where(r => r.MunicipalityNumber == "3105").ToListAsync();

        var validFrom = NorwegianTime.Today(DateTimeOffset.UtcNow).AddDays(3);
        var won = await first.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ActivateDraftCommand("3105", draft, validFrom), CancellationToken.None);
        AdminRulebookTests.Done(won);

        var lost = await second.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ActivateDraftCommand("3105", draft, validFrom.AddDays(1)), CancellationToken.None);
        Assert.Equal("Noen andre har endret retningslinjen samtidig. Last siden på nytt.", Assert.IsType<Failure.Conflict>(lost.Failure).Reason);

        using var check = app.Services.CreateScope();
        var versions = await check.ServiceProvider.GetRequiredService<AppDbContext>().RulebookVersions
            .Where(r => r.MunicipalityNumber == "3105").OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([RulebookStatus.Retired, RulebookStatus.Active], versions.Select(v => v.Status).ToArray());
        Assert.Equal(validFrom, versions[1].ValidFrom);
        Assert.Equal(validFrom.AddDays(-1), versions[0].ValidTo);
    }

    [Fact]
    public async Task A_stale_edit_of_a_draft_is_a_conflict_not_an_overwrite()
    {
        await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var draft = AdminRulebookTests.Done(
            await first.ServiceProvider.GetRequiredService<ISender>().Send(new CreateDraftCommand("1833"), CancellationToken.None)).Version;

        // Both load the draft; the first saves; the second's save then meets a changed row (xmin).
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var stale = await db2.RulebookVersions.SingleAsync(r => r.MunicipalityNumber == "1833" && r.Version == draft);
        var fresh = await db1.RulebookVersions.SingleAsync(r => r.MunicipalityNumber == "1833" && r.Version == draft);
        fresh.Edit(fresh.Content.Replace("rana/T1-01", "rana/T1-01a", StringComparison.Ordinal));
        await db1.SaveChangesAsync();

        var result = await second.ServiceProvider.GetRequiredService<ISender>()
            .Send(new RemoveRuleCommand("1833", draft, "rana/T1-02"), CancellationToken.None);
        Assert.IsType<Failure.Conflict>(result.Failure);
        Assert.NotNull(stale);
    }
}
