namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// Where a case (sak) stands in the process of forvaltningsloven (DESIGN.md §3). The state changes only through a
/// transition of <see cref="CaseTransitions"/>; the numeric values are stored, so never reorder or renumber them.
/// </summary>
public enum CaseState
{
    /// <summary>The guardian is filling in the application; nothing is journaled yet (a draft is discarded, not withdrawn).</summary>
    Draft = 0,

    /// <summary>The application is received and journaled with a case number; no caseworker has taken it yet.</summary>
    Submitted = 1,

    /// <summary>A caseworker clarifies the case (fvl. § 17): objective and subjective assessment, site inspection.</summary>
    InAssessment = 2,

    /// <summary>The caseworker has asked the guardian for more information (fvl. § 17) and waits for the reply.</summary>
    AwaitingInformation = 3,

    /// <summary>
    /// An enkeltvedtak stands: the initial decision, a first-instance reversal (fvl. § 33), or a dismissal of a
    /// late appeal (fvl. § 31; a dismissal is itself an enkeltvedtak, fvl. § 2 third paragraph). It can be
    /// appealed, changed by a new decision (fvl. § 35) or closed; it cannot be edited.
    /// </summary>
    Decided = 4,

    /// <summary>An appeal against the decision is registered (fvl. §§ 28–32), in time or late (fvl. § 31).</summary>
    AppealReceived = 5,

    /// <summary>The municipality as first instance (underinstans) reviews the appeal (fvl. § 33 second paragraph).</summary>
    FirstInstanceReview = 6,

    /// <summary>
    /// The first instance upheld its decision and forwarded the case (fvl. § 33 fourth paragraph) to the next body of
    /// the municipality's appeal chain; an intermediate body (Melhus: Utvalg for teknikk og miljø) may forward it on.
    /// </summary>
    ForwardedToAppealBody = 7,

    /// <summary>
    /// The final appeal body has upheld, reversed or dismissed (fvl. § 34); its decision cannot be appealed
    /// (fvl. § 28 third paragraph). A quash (opphevelse) does not stay here: it returns the case to
    /// <see cref="InAssessment"/> for new treatment.
    /// </summary>
    AppealDecided = 8,

    /// <summary>The case is finished and archived (after a decision or appeal decision has had its effect, or after a referral).</summary>
    Closed = 9,

    /// <summary>The guardian withdrew the application before it was decided. Final.</summary>
    Withdrawn = 10,

    /// <summary>
    /// The pupil lives beyond 2 km (grade 1) / 4 km (grades 2–10): distance transport is the county's business
    /// (opplæringslova § 4-1 first paragraph), so the application is referred to the county with a letter.
    /// </summary>
    ReferredToCounty = 11,
}
