namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// THE table of permitted state changes of a case (DESIGN.md §3 and §9). <see cref="SchoolTransportCase.Apply"/>
/// consults it and nothing else; docs/case-states.md (the Mermaid diagram and the table) is generated from it by a
/// test. For a given state and trigger there is at most one entry, so every step is deterministic.
/// </summary>
/// <remarks>
/// Decisions taken here where DESIGN.md §3 and issues 4–6 leave room:
/// <list type="bullet">
/// <item>A first-instance reversal (fvl. § 33) is a new enkeltvedtak with its own right of appeal, so it leads to
/// <see cref="CaseState.Decided"/> again, not to <see cref="CaseState.Closed"/>; closing follows as for any decision.
/// The same holds for a reversal by an intermediate body of the municipality's own chain (Melhus: Utvalg for teknikk og
/// miljø), which is still the first instance; the Application layer offers that step only to a body that is not the
/// last of the chain.</item>
/// <item>The appeal body's outcome is the trigger itself (upholds, reverses, quashes, dismisses), so the table alone
/// decides where the case goes. A quash returns the case straight to <see cref="CaseState.InAssessment"/> at the
/// municipality (fvl. § 34 fourth paragraph), in one step recorded as one event; the other outcomes are final
/// (<see cref="CaseState.AppealDecided"/>, fvl. § 28 third paragraph).</item>
/// <item>A first-instance dismissal of a late appeal (fvl. § 31, § 33 second paragraph) is itself an enkeltvedtak
/// (fvl. § 2 third paragraph) and leads to <see cref="CaseState.Decided"/>, from where it can be appealed.</item>
/// <item>A withdrawn appeal leaves the decision standing (<see cref="CaseState.Decided"/>).</item>
/// <item>A referral to the county is reopened for assessment if the distance proves to be within the limit.</item>
/// <item>Withdrawn and Closed are final. A draft is discarded by deleting it; it was never journaled.</item>
/// </list>
/// </remarks>
public static class CaseTransitions
{
    private static readonly CaseActorRole[] Caseworker = [CaseActorRole.Caseworker];
    private static readonly CaseActorRole[] AppealBody = [CaseActorRole.AppealBody];
    private static readonly CaseActorRole[] GuardianOrCaseworker = [CaseActorRole.Guardian, CaseActorRole.Caseworker];
    private static readonly CaseActorRole[] CaseworkerOrSystem = [CaseActorRole.Caseworker, CaseActorRole.System];

    private const string Submitting = "opplæringslova § 4-1 andre ledd";
    private const string DistanceTransport = "opplæringslova § 4-1 første ledd";
    private const string Clarification = "fvl. § 17";
    private const string Decision = "fvl. §§ 24–27";
    private const string WithdrawingApplication = "søknadsprinsippet (ulovfestet)";
    private const string Appeal = "fvl. §§ 28–32";
    private const string FirstInstance = "fvl. § 33 andre ledd";
    private const string Forwarding = "fvl. § 33 fjerde ledd";
    private const string LateAppealDismissal = "fvl. §§ 31 og 33 andre ledd";
    private const string WithdrawingAppeal = "fvl. § 28 (klageretten tilhører parten)";
    private const string Reopening = "fvl. § 35";
    private const string Archiving = "arkivlova § 6";

    public static IReadOnlyList<CaseTransition> All { get; } =
    [
        new(CaseState.Draft, CaseTrigger.Submit, CaseState.Submitted, GuardianOrCaseworker, Submitting,
            "The guardian sends the application (a caseworker registers one received on paper); it gets a case number and is journaled."),
        new(CaseState.Submitted, CaseTrigger.ReferToCounty, CaseState.ReferredToCounty, Caseworker, DistanceTransport,
            "The caseworker has confirmed every home's distance beyond 2 km (grade 1) / 4 km (grades 2–10) and referred each: the case is the county's, with a letter. Never on the guardian's own estimate."),
        new(CaseState.Submitted, CaseTrigger.StartAssessment, CaseState.InAssessment, Caseworker, Clarification,
            "A caseworker takes the case and clarifies it."),
        new(CaseState.Submitted, CaseTrigger.Withdraw, CaseState.Withdrawn, GuardianOrCaseworker, WithdrawingApplication,
            "The guardian withdraws the application before it is decided."),
        new(CaseState.InAssessment, CaseTrigger.RequestInformation, CaseState.AwaitingInformation, Caseworker, Clarification,
            "The caseworker asks the guardian for more information, with a reply deadline."),
        new(CaseState.InAssessment, CaseTrigger.Decide, CaseState.Decided, Caseworker, Decision,
            "The caseworker issues the enkeltvedtak with grounds and notice of the right to appeal.",
            rulebookVersionRequired: true),
        new(CaseState.InAssessment, CaseTrigger.ReferToCounty, CaseState.ReferredToCounty, Caseworker, DistanceTransport,
            "The caseworker has confirmed every home's distance beyond 2/4 km and referred each: the case is the county's."),
        new(CaseState.InAssessment, CaseTrigger.Withdraw, CaseState.Withdrawn, GuardianOrCaseworker, WithdrawingApplication,
            "The guardian withdraws the application before it is decided."),
        new(CaseState.AwaitingInformation, CaseTrigger.InformationReceived, CaseState.InAssessment, GuardianOrCaseworker, Clarification,
            "The guardian answers (or the caseworker resumes after the reply deadline, saying so in the reason)."),
        new(CaseState.AwaitingInformation, CaseTrigger.Withdraw, CaseState.Withdrawn, GuardianOrCaseworker, WithdrawingApplication,
            "The guardian withdraws the application before it is decided."),
        new(CaseState.ReferredToCounty, CaseTrigger.StartAssessment, CaseState.InAssessment, Caseworker, Clarification,
            "The distance proves to be within the limit (e.g. the county returns the case): the municipality assesses it after all."),
        new(CaseState.ReferredToCounty, CaseTrigger.Close, CaseState.Closed, CaseworkerOrSystem, Archiving,
            "The referral is done; the case is closed."),
        new(CaseState.Decided, CaseTrigger.ReceiveAppeal, CaseState.AppealReceived, GuardianOrCaseworker, Appeal,
            "The guardian appeals (or a caseworker registers an appeal received on paper or by e-mail), in time or late."),
        new(CaseState.Decided, CaseTrigger.ReopenForChange, CaseState.InAssessment, Caseworker, Reopening,
            "Facts have changed (new address, new grade band, the road improved): the decision is reopened for a change decision or revocation.",
            reasonRequired: true),
        new(CaseState.Decided, CaseTrigger.Close, CaseState.Closed, CaseworkerOrSystem, Archiving,
            "The decision has had its effect; the case is closed."),
        new(CaseState.AppealReceived, CaseTrigger.StartFirstInstanceReview, CaseState.FirstInstanceReview, Caseworker, FirstInstance,
            "The municipality reviews the appeal as first instance (a late appeal considered anyway, fvl. § 31, says why in the reason)."),
        new(CaseState.AppealReceived, CaseTrigger.DismissLateAppeal, CaseState.Decided, Caseworker, LateAppealDismissal,
            "The late appeal is dismissed; the dismissal is itself an enkeltvedtak with its own letter and right of appeal.",
            reasonRequired: true),
        new(CaseState.AppealReceived, CaseTrigger.WithdrawAppeal, CaseState.Decided, GuardianOrCaseworker, WithdrawingAppeal,
            "The appellant withdraws the appeal; the decision stands."),
        new(CaseState.FirstInstanceReview, CaseTrigger.ReverseDecision, CaseState.Decided, Caseworker, FirstInstance,
            "The first instance finds the appeal justified and reverses its decision, fully or partly: a new decision of kind Reversal.",
            rulebookVersionRequired: true),
        new(CaseState.FirstInstanceReview, CaseTrigger.ForwardToAppealBody, CaseState.ForwardedToAppealBody, Caseworker, Forwarding,
            "The first instance upholds its decision and forwards the case with its assessment; the appellant gets a copy."),
        new(CaseState.FirstInstanceReview, CaseTrigger.DismissLateAppeal, CaseState.Decided, Caseworker, LateAppealDismissal,
            "The review finds the appeal late and not to be considered: dismissed by an enkeltvedtak.",
            reasonRequired: true),
        new(CaseState.FirstInstanceReview, CaseTrigger.WithdrawAppeal, CaseState.Decided, GuardianOrCaseworker, WithdrawingAppeal,
            "The appellant withdraws the appeal; the decision stands."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.ForwardToAppealBody, CaseState.ForwardedToAppealBody, AppealBody, Forwarding,
            "An intermediate body of the chain (Melhus: Utvalg for teknikk og miljø) upholds and forwards to the next body."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.ReverseDecision, CaseState.Decided, AppealBody, FirstInstance,
            "An intermediate body of the municipality's own chain reverses: a new first-instance decision, itself appealable.",
            rulebookVersionRequired: true),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyUpholds, CaseState.AppealDecided, AppealBody, "fvl. § 34",
            "The appeal body upholds the decision (stadfestet)."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyReverses, CaseState.AppealDecided, AppealBody, "fvl. § 34 fjerde ledd",
            "The appeal body reverses with a new outcome (omgjort), which takes effect in the case."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyQuashes, CaseState.InAssessment, AppealBody, "fvl. § 34 fjerde ledd",
            "The appeal body quashes the decision and returns the case for new treatment (opphevet): it reopens at the municipality."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.AppealBodyDismisses, CaseState.AppealDecided, AppealBody, "fvl. § 34 første ledd",
            "The appeal body dismisses the appeal (avvist)."),
        new(CaseState.ForwardedToAppealBody, CaseTrigger.WithdrawAppeal, CaseState.Decided, [CaseActorRole.Guardian, CaseActorRole.Caseworker, CaseActorRole.AppealBody], WithdrawingAppeal,
            "The appellant withdraws the appeal while the appeal body has it; the decision stands."),
        new(CaseState.AppealDecided, CaseTrigger.Close, CaseState.Closed, CaseworkerOrSystem, Archiving,
            "The appeal decision has taken effect; the case is closed."),
    ];

    /// <summary>The entry for <paramref name="trigger"/> from <paramref name="from"/>, or null when the table has none.</summary>
    public static CaseTransition? Find(CaseState from, CaseTrigger trigger) =>
        All.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    /// <summary>The entries leaving <paramref name="from"/>, in table order.</summary>
    public static IEnumerable<CaseTransition> From(CaseState from) => All.Where(t => t.From == from);

    /// <summary>The entries for <paramref name="trigger"/>, in table order.</summary>
    public static IEnumerable<CaseTransition> For(CaseTrigger trigger) => All.Where(t => t.Trigger == trigger);
}
