using BenchmarkDotNet.Attributes;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Benchmarks;

/// <summary>
/// Leg evaluations per second against the published rulebooks (issue 3 target: at least one million per second
/// per core). Each operation evaluates <see cref="LegsPerOperation"/> legs, so throughput = LegsPerOperation / mean.
/// </summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    public const int LegsPerOperation = 1000;

    private RouteLeg[] legs = [];
    private Rulebook rulebook = null!;

    [Params("5028", "1833", "3105", "4647")]
    public string Municipality { get; set; } = "5028";

    [GlobalSetup]
    public void Setup()
    {
        rulebook = RulebookDocument.Parse(File.ReadAllText(RulebookFile(Municipality))).ToRulebook();
        var random = new Random(42);
        var speeds = new[] { 30, 40, 50, 60, 70, 80, 90 };
        var roads = Enum.GetValues<RoadCategory>();
        legs = Enumerable.Range(0, LegsPerOperation).Select(i => (i % 10) switch
        {
            < 6 => new RouteLeg(LegKind.Along, roads[random.Next(roads.Length)], speeds[random.Next(speeds.Length)], random.Next(50, 12000),
                (PedestrianFacility)random.Next(4), (Coverage)random.Next(3), (Coverage)random.Next(3), random.Next(10) == 0, random.Next(30, 150),
                (RoadFunction)random.Next(2), random.Next(20) == 0),
            < 9 => new RouteLeg(LegKind.Crossing, roads[random.Next(roads.Length)], speeds[random.Next(speeds.Length)], random.Next(50, 12000),
                CrossingFacility: (CrossingFacility)random.Next(7)),
            _ => new RouteLeg(LegKind.RailwayCrossing, Secured: random.Next(2) == 0),
        }).ToArray();
    }

    /// <summary>The published rulebook file in the repository (src/SkoleskyssSak.Infrastructure/Seeding/Rulebooks).</summary>
    private static string RulebookFile(string municipality)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "src", "SkoleskyssSak.Infrastructure", "Seeding", "Rulebooks");
            if (Directory.Exists(folder))
            {
                return Directory.GetFiles(folder, municipality + "-*.json").Single();
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    [Benchmark(OperationsPerInvoke = LegsPerOperation, Description = "one leg, one grade")]
    public TransportOutcome EvaluateLegs()
    {
        var best = TransportOutcome.None;
        var rules = rulebook.Rules;
        for (var i = 0; i < legs.Length; i++)
        {
            var result = RuleEngine.EvaluateLeg(rules, (i % 10) + 1, legs[i]);
            if (result.Outcome > best)
            {
                best = result.Outcome;
            }
        }

        return best;
    }

    [Benchmark(OperationsPerInvoke = LegsPerOperation / 4, Description = "route of 4 legs")]
    public int EvaluateRoutes()
    {
        var manual = 0;
        for (var i = 0; i + 4 <= legs.Length; i += 4)
        {
            if (RuleEngine.Evaluate(rulebook, (i % 10) + 1, new ArraySegment<RouteLeg>(legs, i, 4), 1.5m).ManualAssessmentRequired)
            {
                manual++;
            }
        }

        return manual;
    }
}
