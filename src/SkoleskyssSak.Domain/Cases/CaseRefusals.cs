namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// The Norwegian reasons ("Nynorsk / Bokmål") for refused transitions, with the legal reference behind each. The
/// Web layer may show its own wording per municipality; these are the domain's own, always present.
/// </summary>
internal static class CaseRefusals
{
    private const string DecisionChangeReference = "fvl. §§ 28 og 35";

    /// <summary>States in which an enkeltvedtak stands (possibly under appeal).</summary>
    private static readonly CaseState[] DecisionStands =
    [
        CaseState.Decided,
        CaseState.AppealReceived,
        CaseState.FirstInstanceReview,
        CaseState.ForwardedToAppealBody,
        CaseState.AppealDecided,
    ];

    /// <summary>Triggers that work on an application not yet decided.</summary>
    private static readonly CaseTrigger[] BeforeDecision =
    [
        CaseTrigger.Submit,
        CaseTrigger.ReferToCounty,
        CaseTrigger.StartAssessment,
        CaseTrigger.RequestInformation,
        CaseTrigger.InformationReceived,
        CaseTrigger.Decide,
    ];

    public static CaseTransitionResult NotPermittedFromState(CaseState state, CaseTrigger trigger)
    {
        if (state == CaseState.Withdrawn)
        {
            return Conflict(
                "Søknaden er trekt, og saka kan ikkje endrast. / Søknaden er trukket, og saken kan ikke endres.",
                TriggerReference(CaseTrigger.Withdraw));
        }

        if (state == CaseState.Closed)
        {
            return Conflict(
                "Saka er avslutta og kan ikkje endrast. / Saken er avsluttet og kan ikke endres.",
                TriggerReference(CaseTrigger.Close));
        }

        if (state == CaseState.Draft)
        {
            return Conflict(
                "Søknaden er ikkje send inn enno. / Søknaden er ikke sendt inn ennå.",
                TriggerReference(CaseTrigger.Submit));
        }

        if (trigger == CaseTrigger.Withdraw && DecisionStands.Contains(state))
        {
            return Conflict(
                "Ein søknad kan berre trekkjast før vedtak er gjort. Vedtaket kan no berre endrast ved klage eller nytt vedtak. / "
                + "En søknad kan bare trekkes før det er fattet vedtak. Vedtaket kan nå bare endres ved klage eller nytt vedtak.",
                DecisionChangeReference);
        }

        if (BeforeDecision.Contains(trigger) && DecisionStands.Contains(state))
        {
            return Conflict(
                "Saka er avgjord ved vedtak og kan ikkje endrast; ho kan berre endrast ved klage eller nytt vedtak. / "
                + "Saken er avgjort ved vedtak og kan ikke endres; den kan bare endres ved klage eller nytt vedtak.",
                DecisionChangeReference);
        }

        return Conflict(
            "Dette steget kan ikkje takast når saka har denne statusen. / Dette steget kan ikke tas når saken har denne statusen.",
            TriggerReference(trigger));
    }

    public static CaseTransitionResult RoleMayNot(CaseTransition transition) =>
        CaseTransitionResult.Refused(
            CaseTransitionErrorType.Forbidden,
            "Du har ikkje høve til å ta dette steget i saka. / Du har ikke adgang til å ta dette steget i saken.",
            transition.LegalReference);

    public static CaseTransitionResult ReasonMissing(CaseTransition transition) =>
        CaseTransitionResult.Refused(
            CaseTransitionErrorType.BadRequest,
            "Skriv kvifor: dette steget må grunngivast. / Skriv hvorfor: dette steget må begrunnes.",
            transition.LegalReference);

    public static CaseTransitionResult ReasonTooLong(CaseTransition transition) =>
        CaseTransitionResult.Refused(
            CaseTransitionErrorType.BadRequest,
            $"Grunngivinga kan vere på høgst {SchoolTransportCase.MaxReasonLength} teikn; lengre tekst høyrer heime i eit dokument. / "
            + $"Begrunnelsen kan være på høyst {SchoolTransportCase.MaxReasonLength} tegn; lengre tekst hører hjemme i et dokument.",
            transition.LegalReference);

    public static CaseTransitionResult RulebookVersionMissing() =>
        CaseTransitionResult.Refused(
            CaseTransitionErrorType.BadRequest,
            "Vedtaket må vise til versjonen av retningslinjene det byggjer på. / Vedtaket må vise til versjonen av retningslinjene det bygger på.",
            "fvl. § 25");

    public static CaseTransitionResult RulebookVersionInvalid(string municipalityNumber) =>
        CaseTransitionResult.Refused(
            CaseTransitionErrorType.BadRequest,
            $"Versjonen av retningslinjene må vere ein av kommunen sine ({municipalityNumber}/vN). / "
            + $"Versjonen av retningslinjene må være en av kommunens egne ({municipalityNumber}/vN).",
            "fvl. § 25");

    public static CaseTransitionResult CaseNumberMissing() =>
        Conflict(
            "Saka har ikkje fått saksnummer enno. / Saken har ikke fått saksnummer ennå.",
            TriggerReference(CaseTrigger.Submit));

    private static CaseTransitionResult Conflict(string reason, string? legalReference) =>
        CaseTransitionResult.Refused(CaseTransitionErrorType.Conflict, reason, legalReference);

    private static string? TriggerReference(CaseTrigger trigger) =>
        CaseTransitions.For(trigger).FirstOrDefault()?.LegalReference;
}
