namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 10, item 1: a citizen whose pseudonym happens to hold eleven decimal digits in a row could never start a
/// søknad ("Innloggingen mangler en gyldig identitet"). Under the Development key (appsettings.Development.json) the
/// test persons 14819044504 and 12878200002 have such pseudonyms (c-06372026707…, c-e0f74e32424116405…).
/// </summary>
public sealed class PseudonymApplicantTests
{
    private const string DevelopmentKey = "development-only-pseudonym-key-not-secret-0123456789";

    [Fact]
    public async Task A_parent_whose_pseudonym_holds_eleven_digits_in_a_row_can_start_a_soknad()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        app.Settings["Security:CitizenPseudonym:Key"] = DevelopmentKey;

        foreach (var (nin, name) in new[] { ("14819044504", "Siri Testesen"), ("12878200002", "Per Testesen") })
        {
            var client = await ApplicationJourneyTests.SignInAsync(app, nin, name);
            var caseId = await ApplicationJourneyTests.StartAsync(client, "5028");
            Assert.NotEqual(Guid.Empty, caseId);
        }
    }
}
