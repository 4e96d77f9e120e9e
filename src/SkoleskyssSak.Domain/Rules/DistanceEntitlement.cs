namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// Opplæringslova § 4-1 first paragraph: a pupil in grade 1 who lives more than 2 km from school, or in grades
/// 2–10 more than 4 km, has a right to transport by distance alone; that is the county's business. Exactly 2 or
/// 4 km is not more.
/// </summary>
public static class DistanceEntitlement
{
    public static decimal LimitKm(int grade) => grade == 1 ? 2m : 4m;

    public static bool Applies(int grade, decimal? distanceKm) => distanceKm is { } km && km > LimitKm(grade);
}
