using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Referrals;

/// <summary>
/// The walking distance of one home of the søknad (<c>ApplicationForm.Homes[HomeIndex]</c>) as the caseworker has
/// confirmed it, with its source and date, and whether that home's right was referred to the county
/// (opplæringslova § 4-1 first paragraph). Each home is assessed on its own (§ 4-1 last paragraph: a child with two
/// homes has a right from each), so a referral is per home; the parent's own estimate never refers anything.
/// </summary>
public sealed class HomeDistance
{
    public const int MaxSourceLength = 200;

    /// <summary>The longest walking distance accepted, in km (a typing error beyond that, not a school route).</summary>
    public const decimal MaxDistanceKm = 200m;

    private HomeDistance()
    {
        Source = string.Empty;
        ConfirmedBy = string.Empty;
    }

    private HomeDistance(Guid caseId, int homeIndex)
        : this()
    {
        CaseId = caseId;
        HomeIndex = homeIndex;
    }

    public Guid CaseId { get; private set; }

    /// <summary>The position of the home in the søknad (0: the first home).</summary>
    public int HomeIndex { get; private set; }

    /// <summary>The walking distance as confirmed by the caseworker, in km (two decimals).</summary>
    public decimal ConfirmedKm { get; private set; }

    /// <summary>How it was measured, e.g. "Målt i Norgeskart" or "Oppmåling på staden".</summary>
    public string Source { get; private set; }

    /// <summary>The date of the measurement (a Norwegian date).</summary>
    public DateOnly MeasuredOn { get; private set; }

    /// <summary>The staff user id of the caseworker who confirmed it.</summary>
    public string ConfirmedBy { get; private set; }

    public DateTimeOffset ConfirmedAt { get; private set; }

    /// <summary>When this home's right was referred to the county; null while it was not.</summary>
    public DateTimeOffset? ReferredAt { get; private set; }

    public string? ReferredBy { get; private set; }

    /// <summary>The referral letter (<c>CaseDocumentKind.ReferralLetter</c>) sent to the guardians.</summary>
    public Guid? ReferralLetterId { get; private set; }

    public bool IsReferred => ReferredAt is not null;

    /// <summary>Whether the confirmed distance is beyond the limit of <paramref name="grade"/> (2 km in grade 1, 4 km in grades 2–10).</summary>
    public bool IsBeyondLimit(int grade) => DistanceEntitlement.Applies(grade, ConfirmedKm);

    /// <summary>A first confirmation of the home's distance.</summary>
    public static HomeDistance Confirm(Guid caseId, int homeIndex, decimal km, string source, DateOnly measuredOn, string confirmedBy, DateTimeOffset now)
    {
        if (caseId == Guid.Empty)
        {
            throw new ArgumentException("A confirmed distance belongs to a case.", nameof(caseId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(homeIndex);
        var distance = new HomeDistance(caseId, homeIndex);
        if (distance.Reconfirm(km, source, measuredOn, confirmedBy, now) is { } refusal)
        {
            throw new ArgumentException($"The distance cannot be confirmed: {refusal}.");
        }

        return distance;
    }

    /// <summary>Replaces the confirmed distance (a new measurement); refused once the home is referred.</summary>
    public HomeReferralRefusal? Reconfirm(decimal km, string source, DateOnly measuredOn, string confirmedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(confirmedBy);
        if (IsReferred)
        {
            return HomeReferralRefusal.AlreadyReferred;
        }

        if (km <= 0 || km > MaxDistanceKm || source.Trim().Length > MaxSourceLength)
        {
            throw new ArgumentOutOfRangeException(nameof(km), km, "A walking distance above 0 and at most 200 km, a source of at most 200 characters.");
        }

        ConfirmedKm = decimal.Round(km, 2);
        Source = source.Trim();
        MeasuredOn = measuredOn;
        ConfirmedBy = confirmedBy;
        ConfirmedAt = now;
        return null;
    }

    /// <summary>Refers this home's right to the county, if the rule permits it (<see cref="HomeReferrals.Check"/>).</summary>
    public HomeReferralRefusal? Refer(int grade, string referredBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referredBy);
        if (HomeReferrals.Check(grade, this) is { } refusal)
        {
            return refusal;
        }

        ReferredAt = now;
        ReferredBy = referredBy;
        return null;
    }

    public void AttachLetter(Guid documentId) => ReferralLetterId = documentId;
}

/// <summary>Why a home cannot be referred to the county.</summary>
public enum HomeReferralRefusal
{
    /// <summary>No caseworker has confirmed the home's distance: the parent's estimate refers nothing.</summary>
    NotConfirmed,

    /// <summary>The confirmed distance is within the limit of the grade: the municipality assesses the route.</summary>
    WithinLimit,

    /// <summary>The home is referred already (and its distance is then final).</summary>
    AlreadyReferred,
}

/// <summary>
/// The per-home rule of a referral (opplæringslova § 4-1 first and last paragraph): a home may be referred only with a
/// confirmed distance beyond the grade's limit; the case as a whole goes to the county only when every home is referred,
/// otherwise it stays with the municipality for the homes that are not.
/// </summary>
public static class HomeReferrals
{
    public static HomeReferralRefusal? Check(int grade, HomeDistance? confirmed) =>
        confirmed is null ? HomeReferralRefusal.NotConfirmed
        : confirmed.IsReferred ? HomeReferralRefusal.AlreadyReferred
        : !confirmed.IsBeyondLimit(grade) ? HomeReferralRefusal.WithinLimit
        : null;

    /// <summary>Whether every one of the <paramref name="homeCount"/> homes is referred: then the whole case is the county's.</summary>
    public static bool WholeCaseReferred(int homeCount, IEnumerable<HomeDistance> distances)
    {
        var referred = distances.Where(d => d.IsReferred).Select(d => d.HomeIndex).ToHashSet();
        return homeCount > 0 && Enumerable.Range(0, homeCount).All(referred.Contains);
    }
}
