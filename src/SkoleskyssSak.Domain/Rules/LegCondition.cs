using System.Runtime.CompilerServices;
using SkoleskyssSak.Domain.Routes;

namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// The conditions of one rule row over a leg. Every condition that is set must hold; an unset condition
/// does not constrain. A leg whose fact is unknown (null) does not meet a condition on that fact.
/// Sets are bit masks so that evaluating a leg allocates nothing (the engine's speed target is in
/// docs/performance.md).
/// </summary>
public sealed record LegCondition
{
    public LegKind? Kind { get; init; }

    public IReadOnlyList<RoadCategory>? RoadCategories { get; init; }

    /// <summary>Inclusive speed-limit range in km/h.</summary>
    public int? SpeedMin { get; init; }

    public int? SpeedMax { get; init; }

    /// <summary>Inclusive ÅDT range (årsdøgntrafikk).</summary>
    public int? AadtMin { get; init; }

    public int? AadtMax { get; init; }

    public IReadOnlyList<PedestrianFacility>? PedestrianFacilities { get; init; }

    public IReadOnlyList<Coverage>? WalkableSideAreas { get; init; }

    public IReadOnlyList<Coverage>? Lightings { get; init; }

    public IReadOnlyList<CrossingFacility>? CrossingFacilities { get; init; }

    public bool? Secured { get; init; }

    public bool? Roadworks { get; init; }

    public bool? DoubleSidedObstacle { get; init; }

    public IReadOnlyList<RoadFunction>? RoadFunctions { get; init; }

    /// <summary>Matches when the stop-sight distance is shorter than this (metres).</summary>
    public int? StopSightBelowM { get; init; }

    internal CompiledCondition Compile() => new(this);
}

/// <summary>The allocation-free form of a <see cref="LegCondition"/>.</summary>
internal readonly struct CompiledCondition
{
    private readonly int kind;
    private readonly int roadCategories;
    private readonly int speedMin;
    private readonly int speedMax;
    private readonly int aadtMin;
    private readonly int aadtMax;
    private readonly int pedestrianFacilities;
    private readonly int walkableSideAreas;
    private readonly int lightings;
    private readonly int crossingFacilities;
    private readonly int roadFunctions;
    private readonly int secured;
    private readonly int roadworks;
    private readonly int doubleSidedObstacle;
    private readonly int stopSightBelow;

    public CompiledCondition(LegCondition c)
    {
        kind = c.Kind is { } k ? (int)k : -1;
        roadCategories = Mask(c.RoadCategories);
        speedMin = c.SpeedMin ?? int.MinValue;
        speedMax = c.SpeedMax ?? int.MaxValue;
        aadtMin = c.AadtMin ?? int.MinValue;
        aadtMax = c.AadtMax ?? int.MaxValue;
        pedestrianFacilities = Mask(c.PedestrianFacilities);
        walkableSideAreas = Mask(c.WalkableSideAreas);
        lightings = Mask(c.Lightings);
        crossingFacilities = Mask(c.CrossingFacilities);
        roadFunctions = Mask(c.RoadFunctions);
        secured = Tri(c.Secured);
        roadworks = Tri(c.Roadworks);
        doubleSidedObstacle = Tri(c.DoubleSidedObstacle);
        stopSightBelow = c.StopSightBelowM ?? -1;
        ConstrainsSpeed = c.SpeedMin is not null || c.SpeedMax is not null;
        ConstrainsAadt = c.AadtMin is not null || c.AadtMax is not null;
    }

    private bool ConstrainsSpeed { get; }

    private bool ConstrainsAadt { get; }

    public bool Matches(RouteLeg leg)
    {
        if (kind >= 0 && (int)leg.Kind != kind)
        {
            return false;
        }

        return InMask(roadCategories, leg.RoadCategory)
            && (!ConstrainsSpeed || (leg.SpeedLimit is { } speed && speed >= speedMin && speed <= speedMax))
            && (!ConstrainsAadt || (leg.Aadt is { } aadt && aadt >= aadtMin && aadt <= aadtMax))
            && InMask(pedestrianFacilities, leg.PedestrianFacility)
            && InMask(walkableSideAreas, leg.WalkableSideArea)
            && InMask(lightings, leg.Lighting)
            && InMask(crossingFacilities, leg.CrossingFacility)
            && InMask(roadFunctions, leg.RoadFunction)
            && Is(secured, leg.Secured)
            && Is(roadworks, leg.Roadworks)
            && Is(doubleSidedObstacle, leg.DoubleSidedObstacle)
            && (stopSightBelow < 0 || (leg.StopSightDistanceM is { } sight && sight < stopSightBelow));
    }

    private static bool InMask<T>(int mask, T? value)
        where T : struct, Enum
    {
        if (mask == 0)
        {
            return true;
        }

        if (value is not { } v)
        {
            return false;
        }

        // All leg enums are int-backed; reading the int avoids boxing on this hot path.
        return (mask & (1 << Unsafe.As<T, int>(ref v))) != 0;
    }

    private static bool Is(int expected, bool? actual) => expected < 0 || (actual is { } a && (a ? 1 : 0) == expected);

    private static int Tri(bool? value) => value is null ? -1 : value.Value ? 1 : 0;

    private static int Mask<T>(IReadOnlyList<T>? values)
        where T : struct, Enum
    {
        if (values is null)
        {
            return 0;
        }

        var mask = 0;
        foreach (var value in values)
        {
            var v = value;
            mask |= 1 << Unsafe.As<T, int>(ref v);
        }

        return mask;
    }
}
