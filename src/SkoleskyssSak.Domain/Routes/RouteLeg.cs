namespace SkoleskyssSak.Domain.Routes;

/// <summary>
/// One leg of the way to school (DESIGN.md §5): walking along a road, crossing one, or crossing a railway.
/// Optional facts may be unknown (null); a rule that needs an unknown fact does not match the leg.
/// </summary>
public sealed record RouteLeg(
    LegKind Kind,
    RoadCategory? RoadCategory = null,
    int? SpeedLimit = null,
    int? Aadt = null,
    PedestrianFacility? PedestrianFacility = null,
    Coverage? WalkableSideArea = null,
    Coverage? Lighting = null,
    bool? Roadworks = null,
    int? StopSightDistanceM = null,
    RoadFunction? RoadFunction = null,
    bool? DoubleSidedObstacle = null,
    CrossingFacility? CrossingFacility = null,
    bool? Secured = null);

public enum LegKind
{
    Along,
    Crossing,
    RailwayCrossing,
}

/// <summary>E-veg (e.g. E6, E39), riksveg, fylkesveg, kommunal veg, privat veg.</summary>
public enum RoadCategory
{
    European,
    National,
    County,
    Municipal,
    Private,
}

/// <summary>Fortau, gang- og sykkelveg, utvida vegskulder.</summary>
public enum PedestrianFacility
{
    None,
    Sidewalk,
    FootAndCyclePath,
    WidenedShoulder,
}

/// <summary>Gangbart sideareal and lighting along the leg.</summary>
public enum Coverage
{
    None,
    Partial,
    Full,
}

/// <summary>Gangfelt, opphøyd gangfelt, lyskryss, bru, undergang, tilrettelagt kryssingspunkt.</summary>
public enum CrossingFacility
{
    None,
    MarkedCrosswalk,
    RaisedCrosswalk,
    Signalised,
    Bridge,
    Underpass,
    FacilitatedPoint,
}

/// <summary>Hovudveg or samleveg (Sunnfjord's stop-sight distances differ by road function).</summary>
public enum RoadFunction
{
    Main,
    Collector,
}
