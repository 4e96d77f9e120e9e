using System.Collections;
using System.Globalization;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// The checks of a rulebook document, pure: duplicate ids, empty texts, rows without outcomes, grade bands a row
/// says nothing about, and rows that overlap.
/// <para>
/// Overlap is decided on a generated set of representative legs (every combination of kind, road category,
/// speed, ÅDT, pedestrian facility, walkable side area, lighting, crossing facility and secured, with the speeds
/// and ÅDT values of DESIGN.md's boundaries plus each row's own boundaries). Road works, stop-sight distance,
/// road function and double-sided obstacles are left unknown, so rows that need them (Sunnfjord's additional
/// criteria) are not compared. Two rows overlap when some leg matches both; only grades both rows give an
/// outcome for are compared (Sarpsborg's criteria each name their own grades).
/// </para>
/// <para>
/// The engine gives a leg the most generous outcome of the rows it matches. Overlapping rows with the same
/// outcomes are "overlappende rader" (a warning). With different outcomes for a grade, the less generous row
/// is overruled where they overlap: when that is everywhere the row applies, its outcome for the grade can
/// never take effect, and the rows contradict each other ("motstridende rader", an error, e.g. a duplicated row
/// with other outcomes); otherwise the more generous row is an addition to the other (a warning).
/// </para>
/// </summary>
public static class RulebookCheck
{
    private const int MaxValuesPerAxis = 40;
    private static readonly int[] BaseSpeeds = [30, 40, 50, 60, 70, 80, 90, 100];
    private static readonly int[] BaseAadts = [100, 400, 1000, 1001, 2000, 4000, 8000, 8001, 10000];

    public static IReadOnlyList<Finding> Check(RulebookDocument document)
    {
        var findings = new List<Finding>();
        if (document.Rules.Count == 0)
        {
            findings.Add(Error([], AdminTexts.Get("CheckNoRules")));
        }

        foreach (var duplicate in document.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            findings.Add(Error([duplicate.Key], AdminTexts.Format("CheckDuplicateId", duplicate.Key, duplicate.Count())));
        }

        var usable = new List<RuleDocument>();
        foreach (var rule in document.Rules)
        {
            if (CheckRow(rule, document.GradeBands, findings))
            {
                usable.Add(rule);
            }
        }

        CheckSegments(document, findings);
        CheckOverlaps(usable, findings);
        return findings.OrderBy(f => f.Severity).ToList();
    }

    /// <summary>The representative legs the overlap check uses for these rows.</summary>
    public static IReadOnlyList<RouteLeg> RepresentativeLegs(IReadOnlyList<LegCondition> conditions)
    {
        var speeds = Axis(BaseSpeeds, conditions.Select(c => (c.SpeedMin, c.SpeedMax)), 130);
        var aadts = Axis(BaseAadts, conditions.Select(c => (c.AadtMin, c.AadtMax)), int.MaxValue);
        var legs = new List<RouteLeg>();
        foreach (var category in Enum.GetValues<RoadCategory>())
        {
            foreach (var speed in speeds)
            {
                foreach (var aadt in aadts)
                {
                    foreach (var facility in Enum.GetValues<PedestrianFacility>())
                    {
                        foreach (var side in Enum.GetValues<Coverage>())
                        {
                            foreach (var lighting in Enum.GetValues<Coverage>())
                            {
                                legs.Add(new RouteLeg(LegKind.Along, category, speed, aadt, facility, side, lighting));
                            }
                        }
                    }

                    foreach (var crossing in Enum.GetValues<CrossingFacility>())
                    {
                        legs.Add(new RouteLeg(LegKind.Crossing, category, speed, aadt, CrossingFacility: crossing));
                    }
                }
            }
        }

        legs.Add(new RouteLeg(LegKind.RailwayCrossing, Secured: true));
        legs.Add(new RouteLeg(LegKind.RailwayCrossing, Secured: false));
        return legs;
    }

    /// <summary>Checks one row on its own; false when it cannot be evaluated (then it is left out of the overlap check).</summary>
    private static bool CheckRow(RuleDocument rule, IReadOnlyList<string> bands, List<Finding> findings)
    {
        var usable = true;
        if (string.IsNullOrWhiteSpace(rule.Id))
        {
            findings.Add(Error([], AdminTexts.Get("CheckEmptyId")));
            usable = false;
        }

        if (string.IsNullOrWhiteSpace(rule.Text))
        {
            findings.Add(Error([rule.Id], AdminTexts.Format("CheckEmptyText", rule.Id)));
            usable = false;
        }

        if (rule.Outcomes.Count == 0)
        {
            findings.Add(Error([rule.Id], AdminTexts.Format("CheckNoOutcomes", rule.Id)));
            return false;
        }

        var ranges = new List<GradeRange>();
        foreach (var key in rule.Outcomes.Keys)
        {
            if (!RulebookOutcomes.TryRange(key, out var range))
            {
                findings.Add(Error([rule.Id], AdminTexts.Format("CheckBadGrades", rule.Id, key)));
                usable = false;
            }
            else if (ranges.Any(r => r.From <= range.To && range.From <= r.To))
            {
                findings.Add(Error([rule.Id], AdminTexts.Format("CheckGradesTwice", rule.Id, key)));
                usable = false;
            }
            else
            {
                ranges.Add(range);
            }
        }

        var missing = bands.Where(b => RulebookOutcomes.TryRange(b, out var band)
            && Enumerable.Range(band.From, band.To - band.From + 1).Any(g => !ranges.Any(r => r.Contains(g)))).ToList();
        if (usable && missing.Count > 0)
        {
            findings.Add(Warning([rule.Id], AdminTexts.Format("CheckBandWithoutOutcome", rule.Id, string.Join(", ", missing))));
        }

        return usable;
    }

    private static void CheckSegments(RulebookDocument document, List<Finding> findings)
    {
        foreach (var duplicate in document.DefinedSegments.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            findings.Add(Error([duplicate.Key], AdminTexts.Format("CheckDuplicateSegment", duplicate.Key, duplicate.Count())));
        }

        foreach (var segment in document.DefinedSegments)
        {
            if (string.IsNullOrWhiteSpace(segment.Assessment) || string.IsNullOrWhiteSpace(segment.Description))
            {
                findings.Add(Error([segment.Id], AdminTexts.Format("CheckSegmentEmptyText", segment.Id)));
            }

            var missing = document.GradeBands.Where(b => !segment.Outcomes.ContainsKey(b)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(Warning([segment.Id], AdminTexts.Format("CheckSegmentBandWithoutOutcome", segment.Id, string.Join(", ", missing))));
            }
        }
    }

    private static void CheckOverlaps(List<RuleDocument> rules, List<Finding> findings)
    {
        if (rules.Count < 2)
        {
            return;
        }

        var legs = RepresentativeLegs(rules.Select(r => r.When).ToList());
        var matchers = rules.Select(r => new MatrixRule(r.Id, r.Text, r.When, r.Outcomes)).ToList();
        var matches = matchers.Select(m =>
        {
            var bits = new BitArray(legs.Count);
            for (var i = 0; i < legs.Count; i++)
            {
                bits[i] = m.Matches(legs[i]);
            }

            return bits;
        }).ToList();

        for (var a = 0; a < rules.Count; a++)
        {
            for (var b = a + 1; b < rules.Count; b++)
            {
                var overlap = new BitArray(matches[a]).And(matches[b]);
                if (!overlap.HasAnySet())
                {
                    continue;
                }

                var common = Enumerable.Range(1, 10)
                    .Select(g => (Grade: g, A: RulebookOutcomes.Explicit(rules[a].Outcomes, g), B: RulebookOutcomes.Explicit(rules[b].Outcomes, g)))
                    .Where(x => x.A is not null && x.B is not null)
                    .ToList();
                if (common.Count == 0)
                {
                    continue; // the rows speak of different grades
                }

                var ids = new[] { rules[a].Id, rules[b].Id };
                var different = common.Where(x => x.A != x.B).ToList();
                if (different.Count == 0)
                {
                    findings.Add(Warning(ids, AdminTexts.Format("CheckOverlapping", ids[0], ids[1])));
                    continue;
                }

                // The rows contradict each other when the less generous one is overruled wherever it applies.
                var contradicted = different.Where(x =>
                {
                    var lower = x.A < x.B ? a : b;
                    return overlap.SetCount() == matches[lower].SetCount();
                }).ToList();
                var grades = Grades((contradicted.Count > 0 ? contradicted : different).Select(x => x.Grade));
                findings.Add(contradicted.Count > 0
                    ? Error(ids, AdminTexts.Format("CheckContradictory", ids[0], ids[1], grades))
                    : Warning(ids, AdminTexts.Format("CheckOverlappingDifferent", ids[0], ids[1], grades)));
            }
        }
    }

    /// <summary>Each base value, plus each row's boundaries and the values just outside them, at most 40 in all.</summary>
    private static List<int> Axis(IEnumerable<int> baseValues, IEnumerable<(int? Min, int? Max)> bounds, int ceiling)
    {
        var values = new SortedSet<int>(baseValues);
        var extra = new SortedSet<int>();
        foreach (var (min, max) in bounds)
        {
            if (min is { } low)
            {
                extra.Add(low);
                extra.Add(low - 1);
            }

            if (max is { } high)
            {
                extra.Add(high);
                extra.Add(high == int.MaxValue ? high : high + 1);
            }
        }

        foreach (var value in extra.Where(v => v >= 0 && v <= ceiling))
        {
            if (values.Count >= MaxValuesPerAxis)
            {
                break;
            }

            values.Add(value);
        }

        return values.ToList();
    }

    /// <summary>"1, 3–4, 8–10" for the grades 1, 3, 4, 8, 9, 10.</summary>
    private static string Grades(IEnumerable<int> grades)
    {
        var parts = new List<string>();
        foreach (var run in grades.Order().Aggregate(new List<List<int>>(), (runs, g) =>
                 {
                     if (runs.Count > 0 && runs[^1][^1] == g - 1)
                     {
                         runs[^1].Add(g);
                     }
                     else
                     {
                         runs.Add([g]);
                     }

                     return runs;
                 }))
        {
            parts.Add(run.Count == 1 ? run[0].ToString(CultureInfo.InvariantCulture) : $"{run[0]}–{run[^1]}");
        }

        return string.Join(", ", parts);
    }

    private static int SetCount(this BitArray bits)
    {
        var count = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                count++;
            }
        }

        return count;
    }

    private static Finding Error(IReadOnlyList<string> ids, string message) => new(FindingSeverity.Error, ids, message);

    private static Finding Warning(IReadOnlyList<string> ids, string message) => new(FindingSeverity.Warning, ids, message);
}
