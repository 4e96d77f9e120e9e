using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Decisions;

/// <summary>
/// An enkeltvedtak of a case (fvl. § 2 b) while it is prepared and once issued: outcome, period, grounds (fvl. §§ 24–25)
/// and the rulebook version applied. A draft may be edited by caseworkers; an issued decision never changes — a new
/// decision (endringsvedtak, fvl. § 35) replaces it. Where the municipality requires it, a second caseworker issues
/// what the first drafted (four-eyes).
/// </summary>
public sealed class Decision
{
    public const int MaxGroundsLength = 20000;

    /// <summary>The longest written departure from the assessment's conclusion.</summary>
    public const int MaxDepartureLength = 4000;

    private Decision()
    {
        Grounds = string.Empty;
        RulebookVersion = string.Empty;
        DraftedBy = string.Empty;
        EditedBy = [];
    }

    private Decision(Guid id, Guid caseId, DecisionKind kind, string rulebookVersion, string draftedBy, DateTimeOffset now)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        RulebookVersion = rulebookVersion;
        DraftedBy = draftedBy;
        DraftedAt = now;
        UpdatedAt = now;
        Grounds = string.Empty;
        Status = DecisionStatus.Draft;
        EditedBy = [draftedBy];
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DecisionKind Kind { get; private set; }

    public DecisionStatus Status { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    /// <summary>First day of transport; null for a refusal or referral.</summary>
    public DateOnly? PeriodFrom { get; private set; }

    /// <summary>Last day of transport; null when it lasts until the criteria change (the rulebook's policy).</summary>
    public DateOnly? PeriodTo { get; private set; }

    /// <summary>The grounds (fvl. § 25): the rules, the facts, the main considerations; editable until issued.</summary>
    public string Grounds { get; private set; }

    /// <summary>The rulebook version applied, e.g. <c>5028/v1</c>.</summary>
    public string RulebookVersion { get; private set; }

    public string DraftedBy { get; private set; }

    public DateTimeOffset DraftedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? IssuedBy { get; private set; }

    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>The letter (PDF) as sent, a document of the case.</summary>
    public Guid? LetterDocumentId { get; private set; }

    /// <summary>
    /// Every staff user who drafted or changed the draft, in the order they first did: under four-eyes none of them
    /// may issue it (the second caseworker approves what others wrote, never what they wrote themselves).
    /// </summary>
    public string[] EditedBy { get; private set; }

    /// <summary>
    /// Why the outcome departs from the conclusion of the case's assessment (fvl. §§ 24–25: the main considerations),
    /// quoted in the grounds; null when the outcome follows the assessment.
    /// </summary>
    public string? AssessmentDeparture { get; private set; }

    public bool IsGranted => Outcome is DecisionOutcome.GrantedYearRound or DecisionOutcome.GrantedWinter or DecisionOutcome.PartlyGranted;

    public static Decision Draft(Guid id, Guid caseId, DecisionKind kind, string rulebookVersion, string draftedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulebookVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(draftedBy);
        return new Decision(id, caseId, kind, rulebookVersion, draftedBy, now);
    }

    /// <summary>
    /// The dismissal of a late appeal (fvl. § 31), ready to issue: outcome <see cref="DecisionOutcome.AppealDismissed"/>,
    /// no period, and as grounds why the appeal is late and not considered. The rulebook version is that of the
    /// decision appealed against.
    /// </summary>
    public static Decision LateAppealDismissal(Guid id, Guid caseId, string rulebookVersion, string reason, string draftedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var decision = Draft(id, caseId, DecisionKind.LateAppealDismissal, rulebookVersion, draftedBy, now);
        if (decision.Update(DecisionOutcome.AppealDismissed, null, null, reason, now) is { } refusal)
        {
            throw new ArgumentException($"The dismissal cannot be drafted: {refusal}.", nameof(reason));
        }

        return decision;
    }

    /// <summary>
    /// Sets the content of the draft. Refused (with the reason) when the decision is issued, the grounds are missing
    /// or too long, or the period does not fit the outcome.
    /// </summary>
    public DecisionRefusal? Update(DecisionOutcome outcome, DateOnly? from, DateOnly? to, string? grounds, DateTimeOffset now)
    {
        if (Status == DecisionStatus.Issued)
        {
            return DecisionRefusal.AlreadyIssued;
        }

        if (!Enum.IsDefined(outcome) || !DecisionOutcomes.FitsKind(outcome, Kind))
        {
            return DecisionRefusal.OutcomeMissing;
        }

        grounds = grounds?.Trim() ?? string.Empty;
        if (grounds.Length > MaxGroundsLength)
        {
            return DecisionRefusal.GroundsTooLong;
        }

        if (DecisionPeriod.Check(outcome, from, to) is { } periodRefusal)
        {
            return periodRefusal;
        }

        Outcome = outcome;
        PeriodFrom = DecisionPeriod.IsTransport(outcome) ? from : null;
        PeriodTo = DecisionPeriod.IsTransport(outcome) ? to : null;
        Grounds = grounds;
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// Records that <paramref name="editor"/> changed the draft (once per editor), and the written departure from the
    /// assessment's conclusion (null or blank: the outcome follows the assessment). Refused when issued or too long.
    /// </summary>
    public DecisionRefusal? RecordEdit(string editor, string? assessmentDeparture, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        if (Status == DecisionStatus.Issued)
        {
            return DecisionRefusal.AlreadyIssued;
        }

        assessmentDeparture = string.IsNullOrWhiteSpace(assessmentDeparture) ? null : assessmentDeparture.Trim();
        if (assessmentDeparture is { Length: > MaxDepartureLength })
        {
            return DecisionRefusal.DepartureTooLong;
        }

        AssessmentDeparture = assessmentDeparture;
        if (!EditedBy.Contains(editor, StringComparer.Ordinal))
        {
            EditedBy = [.. EditedBy, editor];
        }

        UpdatedAt = now;
        return null;
    }

    /// <summary>Whether <paramref name="staffUserId"/> drafted or changed the draft.</summary>
    public bool WasEditedBy(string staffUserId) =>
        string.Equals(staffUserId, DraftedBy, StringComparison.Ordinal) || EditedBy.Contains(staffUserId, StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="issuer"/> may issue it now: a draft with grounds (fvl. § 24: an enkeltvedtak is reasoned),
    /// and, under four-eyes, an issuer who neither drafted nor changed it.
    /// </summary>
    public DecisionRefusal? CanIssue(string issuer, bool requiresSecondApproval)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        if (Status == DecisionStatus.Issued)
        {
            return DecisionRefusal.AlreadyIssued;
        }

        if (Grounds.Length == 0)
        {
            return DecisionRefusal.GroundsMissing;
        }

        return requiresSecondApproval && WasEditedBy(issuer) ? DecisionRefusal.SecondApprovalRequired : null;
    }

    /// <summary>Marks it issued with its letter; call only after <see cref="CanIssue"/> said yes.</summary>
    public void MarkIssued(string issuer, Guid letterDocumentId, DateTimeOffset now, bool requiresSecondApproval)
    {
        if (CanIssue(issuer, requiresSecondApproval) is { } refusal)
        {
            throw new InvalidOperationException($"The decision cannot be issued: {refusal}.");
        }

        Status = DecisionStatus.Issued;
        IssuedBy = issuer;
        IssuedAt = now;
        LetterDocumentId = letterDocumentId;
        UpdatedAt = now;
    }
}

/// <summary>The outcomes of issue 5. Stored by name: never rename.</summary>
public enum DecisionOutcome
{
    /// <summary>Innvilget helårsskyss.</summary>
    GrantedYearRound,

    /// <summary>Innvilget vinterskyss in the rulebook's winter period.</summary>
    GrantedWinter,

    /// <summary>Delvis innvilget: some legs or part of the period (the grounds say which).</summary>
    PartlyGranted,

    /// <summary>Avslag.</summary>
    Refused,

    /// <summary>Oversendt fylkeskommunen (opplæringslova § 4-1 first paragraph).</summary>
    ReferredToCounty,

    /// <summary>
    /// Klagen avvist (fvl. § 31): the outcome of a decision of kind <see cref="DecisionKind.LateAppealDismissal"/>, which
    /// says nothing about transport — the decision appealed against still stands. A value of its own rather than
    /// <see cref="Refused"/>, so that no list or letter reads the dismissal as "Avslag" on the søknad.
    /// </summary>
    AppealDismissed,
}

/// <summary>Which outcomes a decision of a kind may have.</summary>
public static class DecisionOutcomes
{
    /// <summary>A dismissal of a late appeal has, and only it has, the outcome <see cref="DecisionOutcome.AppealDismissed"/>.</summary>
    public static bool FitsKind(DecisionOutcome outcome, DecisionKind kind) =>
        (outcome == DecisionOutcome.AppealDismissed) == (kind == DecisionKind.LateAppealDismissal);

    /// <summary>The outcomes a caseworker chooses among when deciding the søknad (not the dismissal of an appeal).</summary>
    public static bool IsOnTheApplication(DecisionOutcome outcome) => outcome != DecisionOutcome.AppealDismissed;

    /// <summary>
    /// The outcomes offered on the decision page. A referral to the county is not one (issue 11): it is made per home
    /// with a confirmed distance beyond the limit (Referrals.HomeReferrals, opplæringslova § 4-1 first and last paragraph).
    /// </summary>
    public static bool IsChosenOnDecisionPage(DecisionOutcome outcome) => IsOnTheApplication(outcome) && outcome != DecisionOutcome.ReferredToCounty;
}

/// <summary>Stored by name: never rename.</summary>
public enum DecisionKind
{
    /// <summary>The first decision on the søknad.</summary>
    Initial,

    /// <summary>Endringsvedtak when the facts change (fvl. § 35).</summary>
    Change,

    /// <summary>Omgjering/tilbakekall (fvl. § 35).</summary>
    Revocation,

    /// <summary>The first instance finds the appeal justified and reverses its decision (fvl. § 33 second paragraph).</summary>
    Reversal,

    /// <summary>
    /// A late appeal dismissed (fvl. § 31): itself an enkeltvedtak (fvl. § 2 third paragraph) with its own letter and
    /// right of appeal; its outcome is always <see cref="DecisionOutcome.AppealDismissed"/>.
    /// </summary>
    LateAppealDismissal,

    /// <summary>The final appeal body reversed the decision with a new outcome, which takes effect (fvl. § 34 fourth paragraph).</summary>
    AppealBodyReversal,
}

public enum DecisionStatus
{
    Draft,
    Issued,
}

public enum DecisionRefusal
{
    AlreadyIssued,
    OutcomeMissing,
    GroundsMissing,
    GroundsTooLong,
    PeriodMissing,
    PeriodReversed,
    SecondApprovalRequired,
    DepartureTooLong,
}

/// <summary>The period of transport a decision grants (issue 5: one school year, or until the criteria change).</summary>
public static class DecisionPeriod
{
    public static bool IsTransport(DecisionOutcome outcome) =>
        outcome is DecisionOutcome.GrantedYearRound or DecisionOutcome.GrantedWinter or DecisionOutcome.PartlyGranted;

    /// <summary>A granting outcome needs a first day; a last day, if any, is not before it.</summary>
    public static DecisionRefusal? Check(DecisionOutcome outcome, DateOnly? from, DateOnly? to)
    {
        if (!IsTransport(outcome))
        {
            return null;
        }

        if (from is null)
        {
            return DecisionRefusal.PeriodMissing;
        }

        return to is { } last && last < from ? DecisionRefusal.PeriodReversed : null;
    }

    /// <summary>
    /// The period the form proposes: the school year (1 August – 30 June; the rulebook may let it last until the criteria
    /// change) or the rulebook's winter period in that school year, never starting before <paramref name="today"/>.
    /// </summary>
    public static (DateOnly? From, DateOnly? To) Proposed(DecisionOutcome outcome, int schoolYearStart, WinterPeriod winter, DecisionValidity validity, DateOnly today)
    {
        if (!IsTransport(outcome))
        {
            return (null, null);
        }

        var (from, to) = outcome == DecisionOutcome.GrantedWinter
            ? winter.InSchoolYear(schoolYearStart)
            : (new DateOnly(schoolYearStart, 8, 1), new DateOnly(schoolYearStart + 1, 6, 30));
        if (from < today)
        {
            from = today;
        }

        return (from, outcome != DecisionOutcome.GrantedWinter && validity == DecisionValidity.UntilCriteriaChange ? null : to);
    }
}
