namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// What makes a case change state. Each trigger is permitted only from the states, and for the roles, that
/// <see cref="CaseTransitions"/> lists. The numeric values are stored in case events: never reorder or renumber.
/// </summary>
public enum CaseTrigger
{
    /// <summary>The guardian sends the application (or a caseworker registers one received on paper).</summary>
    Submit = 0,

    /// <summary>The distance is beyond 2/4 km: referred to the county (opplæringslova § 4-1 first paragraph).</summary>
    ReferToCounty = 1,

    /// <summary>A caseworker takes the case (fvl. § 17).</summary>
    StartAssessment = 2,

    /// <summary>The caseworker asks the guardian for more information (fvl. § 17).</summary>
    RequestInformation = 3,

    /// <summary>The guardian's reply is in (or the caseworker resumes after the reply deadline; the reason says which).</summary>
    InformationReceived = 4,

    /// <summary>The caseworker issues the enkeltvedtak (fvl. §§ 24–27).</summary>
    Decide = 5,

    /// <summary>The guardian withdraws the application; only before it is decided.</summary>
    Withdraw = 6,

    /// <summary>An appeal is registered (fvl. §§ 28–32).</summary>
    ReceiveAppeal = 7,

    /// <summary>The first instance starts its review of the appeal (fvl. § 33 second paragraph).</summary>
    StartFirstInstanceReview = 8,

    /// <summary>The first instance reverses its decision: a new decision of kind Reversal (fvl. § 33 second paragraph).</summary>
    ReverseDecision = 9,

    /// <summary>The first instance (or an intermediate body of the chain) upholds and forwards (fvl. § 33 fourth paragraph).</summary>
    ForwardToAppealBody = 10,

    /// <summary>The appeal body's decision: upheld (stadfestet, fvl. § 34).</summary>
    AppealBodyUpholds = 11,

    /// <summary>The appeal body's decision: reversed with a new outcome (omgjort, fvl. § 34 fourth paragraph).</summary>
    AppealBodyReverses = 12,

    /// <summary>The appeal body's decision: quashed and returned for new treatment (opphevet, fvl. § 34 fourth paragraph).</summary>
    AppealBodyQuashes = 13,

    /// <summary>The appeal body's decision: the appeal is dismissed (avvist, fvl. § 34 first paragraph).</summary>
    AppealBodyDismisses = 14,

    /// <summary>The first instance dismisses a late appeal; the dismissal is itself an enkeltvedtak (fvl. §§ 31, 33, 2 third paragraph).</summary>
    DismissLateAppeal = 15,

    /// <summary>The appellant withdraws the appeal before it is decided; the decision stands.</summary>
    WithdrawAppeal = 16,

    /// <summary>The municipality reopens its decision to change or revoke it (endringsvedtak, omgjering, fvl. § 35).</summary>
    ReopenForChange = 17,

    /// <summary>The case is finished and archived.</summary>
    Close = 18,
}
