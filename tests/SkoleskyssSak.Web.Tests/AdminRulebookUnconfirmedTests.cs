using System.Net;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Sunnfjord's matrix colours are not in the text (seed 001, section 6): the admin sees which rows are unconfirmed
/// ("ikkje stadfesta av kommunen") and, by saving such a row in a draft, sets it; the row then decides as any other.
/// </summary>
public sealed class AdminRulebookUnconfirmedTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sunnfjord_admin_sees_the_unconfirmed_rows_and_confirms_one_by_saving_it_in_a_draft()
    {
        var client = await AdminRulebookTests.AdminAsync(app, AdminRulebookTests.SunnfjordAdmin);
        var (_, active) = await client.GetAsync("/admin/retningslinje/4647");
        var fortau = AdminRulebookTests.Row(active, "sunnfjord/A-FORTAU");
        Assert.True(fortau.ClassList.Contains("rule-unconfirmed-row"));
        Assert.Contains("Ikkje stadfesta av kommunen", fortau.QuerySelector(".rule-unconfirmed")!.TextContent, StringComparison.Ordinal);
        var fixedBySegment = AdminRulebookTests.Row(active, "sunnfjord/M-60-T1-ADT0-300");
        Assert.False(fixedBySegment.ClassList.Contains("rule-unconfirmed-row"));
        Assert.Null(fixedBySegment.QuerySelector(".rule-unconfirmed"));
        Assert.Equal(84 + 3, active.QuerySelectorAll("tr.rule-unconfirmed-row").Length);

        var (created, createdPage) = await client.SubmitAsync(active, "form#create-draft", new Dictionary<string, string>());
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, createdPage.QuerySelector("main")?.TextContent);
        var draftPath = created.Headers.Location!.OriginalString;
        var (_, form) = await client.GetAsync($"{draftPath}/rad?id=sunnfjord%2FA-FORTAU");
        var (saved, savedPage) = await client.SubmitAsync(form, "form#rule-form", new Dictionary<string, string>());
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedPage.QuerySelector(".ds-error-summary")?.TextContent);

        var (_, draft) = await client.GetAsync(draftPath);
        Assert.False(AdminRulebookTests.Row(draft, "sunnfjord/A-FORTAU").ClassList.Contains("rule-unconfirmed-row"));
        Assert.Null(AdminRulebookTests.Row(draft, "sunnfjord/A-FORTAU").QuerySelector(".rule-unconfirmed"));
        Assert.True(AdminRulebookTests.Row(draft, "sunnfjord/A-GSV").ClassList.Contains("rule-unconfirmed-row"));

        // In the draft's rules the confirmed row decides: a leg along a sidewalk is no longer a manual assessment.
        using var scope = app.Services.CreateScope();
        var version = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new GetRulebookVersionQuery("4647", int.Parse(draftPath[(draftPath.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        var rules = version!.Document.ToRulebook().Rules;
        var leg = new RouteLeg(LegKind.Along, RoadCategory.County, 60, 2000, PedestrianFacility.Sidewalk);
        var assessed = RuleEngine.EvaluateLeg(rules, 3, leg);
        Assert.False(assessed.ManualAssessmentRequired);
        Assert.Equal(["sunnfjord/A-FORTAU"], assessed.MatchedRules.Select(r => r.Id));
    }
}
