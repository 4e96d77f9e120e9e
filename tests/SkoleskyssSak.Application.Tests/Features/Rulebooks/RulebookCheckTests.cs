using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>ValidateDraft's checks: what blocks activation (errors) and what only warns.</summary>
public sealed class RulebookCheckTests
{
    private static readonly RulebookDocument Melhus = RulebookSeeds.For("5028");

    private static RuleDocument Row(string id) => Melhus.Rules.Single(r => r.Id == id);

    private static RulebookDocument WithRules(params RuleDocument[] rules) => Melhus with { Rules = rules };

    [Theory]
    [InlineData("5028")]
    [InlineData("1833")]
    [InlineData("3105")]
    [InlineData("4647")]
    public void Every_published_rulebook_validates_without_errors(string municipality)
    {
        var findings = RulebookCheck.Check(RulebookSeeds.For(municipality));
        Assert.DoesNotContain(findings, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void Melhus_and_Rana_tables_have_no_findings_at_all()
    {
        Assert.Empty(RulebookCheck.Check(RulebookSeeds.For("5028")));
        Assert.Empty(RulebookCheck.Check(RulebookSeeds.For("1833")));
    }

    [Fact]
    public void A_duplicated_row_with_other_outcomes_contradicts_the_original()
    {
        var copy = Row("melhus/T1-09") with { Id = "melhus/T1-09b", Outcomes = new Dictionary<string, TransportOutcome> { ["1"] = TransportOutcome.YearRound, ["2-4"] = TransportOutcome.None, ["5-7"] = TransportOutcome.None, ["8-10"] = TransportOutcome.None } };
        var findings = RulebookCheck.Check(Melhus with { Rules = [.. Melhus.Rules, copy] });

        var finding = Assert.Single(findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal(["melhus/T1-09", "melhus/T1-09b"], finding.References);
        Assert.Contains("Motstridende rader", finding.Message, StringComparison.Ordinal);
        Assert.Contains("trinn 1", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_row_with_the_same_outcomes_only_warns()
    {
        var copy = Row("melhus/T1-09") with { Id = "melhus/T1-09b" };
        var finding = Assert.Single(RulebookCheck.Check(Melhus with { Rules = [.. Melhus.Rules, copy] }));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("Overlappende rader", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrower_row_that_gives_more_is_an_addition_not_a_contradiction()
    {
        // Within row 9 (county 40–50 without sidewalk): ÅDT over 4000 gives grade 1 year-round transport.
        var busy = Row("melhus/T1-09") with
        {
            Id = "melhus/T1-09-ADT",
            When = Row("melhus/T1-09").When with { AadtMin = 4001 },
            Outcomes = new Dictionary<string, TransportOutcome> { ["1"] = TransportOutcome.YearRound, ["2-4"] = TransportOutcome.None, ["5-7"] = TransportOutcome.None, ["8-10"] = TransportOutcome.None },
        };
        var finding = Assert.Single(RulebookCheck.Check(WithRules(Row("melhus/T1-09"), busy)));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("gunstigste", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_narrower_row_that_gives_less_never_takes_effect_and_is_an_error()
    {
        var quiet = Row("melhus/T1-08") with
        {
            Id = "melhus/T1-08-ADT",
            When = Row("melhus/T1-08").When with { AadtMax = 1000 },
            Outcomes = new Dictionary<string, TransportOutcome> { ["1"] = TransportOutcome.None, ["2-4"] = TransportOutcome.ConsiderWinter, ["5-7"] = TransportOutcome.ConsiderWinter, ["8-10"] = TransportOutcome.None },
        };
        var finding = Assert.Single(RulebookCheck.Check(WithRules(Row("melhus/T1-08"), quiet)));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Rows_about_different_grades_do_not_overlap()
    {
        var young = Row("melhus/T1-09") with { Outcomes = new Dictionary<string, TransportOutcome> { ["1-4"] = TransportOutcome.YearRound } };
        var old = Row("melhus/T1-09") with { Id = "melhus/T1-09b", Outcomes = new Dictionary<string, TransportOutcome> { ["5-10"] = TransportOutcome.None } };
        var findings = RulebookCheck.Check(WithRules(young, old));
        Assert.DoesNotContain(findings, f => f.Message.Contains("rader", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_empty_texts_and_missing_outcomes_are_errors()
    {
        var findings = RulebookCheck.Check(WithRules(
            Row("melhus/T1-01"),
            Row("melhus/T1-02") with { Id = "melhus/T1-01" },
            Row("melhus/T1-03") with { Text = " " },
            Row("melhus/T1-17") with { Outcomes = new Dictionary<string, TransportOutcome>() }));
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.Message.Contains("melhus/T1-01 er brukt av 2 rader", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.Message == "Rad melhus/T1-03 mangler tekst.");
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.References.SequenceEqual(["melhus/T1-17"]));
    }

    [Fact]
    public void A_grade_band_without_outcome_is_a_warning_naming_the_band()
    {
        var partial = Row("melhus/T1-17") with { Outcomes = new Dictionary<string, TransportOutcome> { ["1"] = TransportOutcome.YearRound, ["2-4"] = TransportOutcome.YearRound } };
        var finding = Assert.Single(RulebookCheck.Check(WithRules(partial)));
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("trinn 5-7, 8-10", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_without_assessment_are_errors()
    {
        var sunnfjord = RulebookSeeds.For("4647");
        var segments = sunnfjord.DefinedSegments.ToList();
        segments[0] = segments[0] with { Assessment = "" };
        var findings = RulebookCheck.Check(sunnfjord with { DefinedSegments = segments });
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Error && f.References.SequenceEqual([segments[0].Id]));
    }

    [Fact]
    public void The_representative_legs_include_each_rows_boundaries()
    {
        var legs = RulebookCheck.RepresentativeLegs([new LegCondition { AadtMin = 301, SpeedMax = 49 }]);
        Assert.Contains(legs, l => l.Aadt == 300);
        Assert.Contains(legs, l => l.Aadt == 301);
        Assert.Contains(legs, l => l.SpeedLimit == 49);
        Assert.Contains(legs, l => l.Kind == LegKind.RailwayCrossing && l.Secured == false);
        Assert.Contains(legs, l => l.Kind == LegKind.Crossing && l.CrossingFacility == CrossingFacility.Underpass);
    }
}
