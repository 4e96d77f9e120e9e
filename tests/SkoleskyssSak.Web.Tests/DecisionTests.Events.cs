using System.Net;

namespace SkoleskyssSak.Web.Tests;

/// <summary>The case's events name a decision's outcome in words ("Avslag"), never by the code it is stored under.</summary>
public sealed partial class DecisionTests
{
    [Fact]
    public async Task The_case_page_names_an_issued_decisions_outcome_in_words_not_by_its_code()
    {
        var (caseId, staff, _) = await DraftRefusalAsync();
        var (_, ready) = await staff.GetAsync($"/ansatt/saker/{caseId}/vedtak");
        var (issued, _) = await staff.SubmitAsync(ready, "form[action*='handler=Issue']", Confirm);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var (_, sak) = await staff.GetAsync($"/ansatt/saker/{caseId}");
        var events = sak.QuerySelector("#events")!.TextContent;
        Assert.Contains("– Avslag", events, StringComparison.Ordinal);
        Assert.DoesNotContain("Refused", events, StringComparison.Ordinal);
    }
}
