using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>The rule editor's conditions: JSON in the rulebook document's form, refused with a message naming the problem.</summary>
public sealed class RuleConditionsJsonTests
{
    [Fact]
    public void Every_published_row_survives_writing_and_reading()
    {
        foreach (var rule in RulebookSeeds.All.SelectMany(d => d.Rules))
        {
            var read = RuleConditionsJson.Parse(RuleConditionsJson.Write(rule.When), out var errors);
            Assert.Empty(errors);
            Assert.Equal(RuleConditionsJson.Write(rule.When), RuleConditionsJson.Write(read!));
        }
    }

    [Fact]
    public void Valid_conditions_are_read()
    {
        var condition = RuleConditionsJson.Parse("""{ "kind": "along", "roadCategories": ["county"], "speedMin": 40, "speedMax": 50, "secured": null }""", out var errors);
        Assert.Empty(errors);
        Assert.Equal(LegKind.Along, condition!.Kind);
        Assert.Equal([RoadCategory.County], condition.RoadCategories);
        Assert.Null(condition.Secured);
    }

    [Theory]
    [InlineData("", "Skriv betingelsene som JSON")]
    [InlineData("{ \"kind\": \"along\", ", "ikke gyldig JSON (feil på linje 1")]
    [InlineData("[1, 2]", "må være et JSON-objekt")]
    [InlineData("{ \"fart\": 50 }", "Ukjent felt «fart»")]
    [InlineData("{ \"roadCategories\": [\"fylkesveg\"] }", "Ukjent verdi «fylkesveg» i «roadCategories». Gyldige verdier er european, national, county, municipal, private.")]
    [InlineData("{ \"kind\": \"langs\" }", "Ukjent verdi «langs» i «kind»")]
    [InlineData("{ \"roadCategories\": \"county\" }", "«roadCategories» må være en liste")]
    [InlineData("{ \"roadCategories\": [] }", "«roadCategories» er en tom liste")]
    [InlineData("{ \"speedMin\": \"femti\" }", "«speedMin» må være et heltall")]
    [InlineData("{ \"speedMin\": 50.5 }", "«speedMin» må være et heltall")]
    [InlineData("{ \"secured\": \"ja\" }", "«secured» må være true eller false")]
    [InlineData("{ \"speedMin\": 60, \"speedMax\": 50 }", "«speedMin» er større enn «speedMax»")]
    public void Bad_conditions_get_a_message_naming_the_problem(string json, string message)
    {
        var condition = RuleConditionsJson.Parse(json, out var errors);
        Assert.Null(condition);
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }
}
