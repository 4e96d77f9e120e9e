namespace SkoleskyssSak.Domain.Appeals;

/// <summary>
/// One step of an appeal up the municipality's chain (DESIGN.md §4): the first instance (or an intermediate body such as
/// Melhus' Utvalg for teknikk og miljø) upholds its decision and forwards the case to the next body with a forwarding
/// letter (oversendelsesbrev, fvl. § 33 fourth paragraph); the parent gets a copy and may comment by the deadline set in
/// it. The body's handling is recorded on the step: for a political committee the meeting date and its resolution.
/// The body sees the case only while, and because, such a step names it.
/// </summary>
public sealed class AppealForwarding
{
    public const int MaxTextLength = 8000;

    private AppealForwarding()
    {
        BodyCode = string.Empty;
        ForwardedBy = string.Empty;
        Assessment = string.Empty;
    }

    private AppealForwarding(Guid id, Guid caseId, Guid appealId, string bodyCode, int step, string assessment, DateOnly commentDeadline, string forwardedBy, DateTimeOffset now)
    {
        Id = id;
        CaseId = caseId;
        AppealId = appealId;
        BodyCode = bodyCode;
        Step = step;
        Assessment = assessment;
        CommentDeadline = commentDeadline;
        ForwardedBy = forwardedBy;
        ForwardedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid AppealId { get; private set; }

    /// <summary>The <see cref="Municipalities.AppealBody"/> the case is sent to.</summary>
    public string BodyCode { get; private set; }

    /// <summary>1 for the first body after the municipality, 2 for the next (Melhus: utvalget, then Statsforvalteren).</summary>
    public int Step { get; private set; }

    /// <summary>The sender's assessment of the appeal, as written in the forwarding letter.</summary>
    public string Assessment { get; private set; }

    /// <summary>The last day for the parent's comments to the forwarding letter.</summary>
    public DateOnly CommentDeadline { get; private set; }

    public string ForwardedBy { get; private set; }

    public DateTimeOffset ForwardedAt { get; private set; }

    /// <summary>The forwarding letter as sent (a document of the case).</summary>
    public Guid? LetterDocumentId { get; private set; }

    /// <summary>What the body did; null while it has the case.</summary>
    public AppealBodyOutcome? Outcome { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>A political committee's meeting (utvalg, formannskap).</summary>
    public DateOnly? MeetingDate { get; private set; }

    /// <summary>A political committee's resolution (vedtak i møtet), or the body's summary of its decision.</summary>
    public string? Resolution { get; private set; }

    /// <summary>The body's decision letter (uploaded or written), a document of the case.</summary>
    public Guid? DecisionDocumentId { get; private set; }

    public bool IsOpen => Outcome is null;

    public static AppealForwarding Forward(Guid id, Guid caseId, Guid appealId, string bodyCode, int step, string assessment, DateOnly commentDeadline, string forwardedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bodyCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(assessment);
        ArgumentException.ThrowIfNullOrWhiteSpace(forwardedBy);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        assessment = assessment.Trim();
        if (assessment.Length > MaxTextLength)
        {
            throw new ArgumentException($"An assessment has at most {MaxTextLength} characters.", nameof(assessment));
        }

        return new AppealForwarding(id, caseId, appealId, bodyCode, step, assessment, commentDeadline, forwardedBy, now);
    }

    public void AttachLetter(Guid documentId) => LetterDocumentId ??= documentId;

    /// <summary>
    /// Records the body's handling. Refused (false) when it is already recorded. A political committee's step needs its
    /// meeting date and resolution (<paramref name="isCommittee"/>).
    /// </summary>
    public AppealStepRefusal? Record(AppealBodyOutcome outcome, string decidedBy, bool isCommittee, DateOnly? meetingDate, string? resolution, Guid? decisionDocumentId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (!IsOpen)
        {
            return AppealStepRefusal.AlreadyDecided;
        }

        if (!Enum.IsDefined(outcome))
        {
            return AppealStepRefusal.OutcomeMissing;
        }

        resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
        if (isCommittee && (meetingDate is null || resolution is null))
        {
            return AppealStepRefusal.MeetingMissing;
        }

        if (resolution is { Length: > MaxTextLength })
        {
            return AppealStepRefusal.ResolutionTooLong;
        }

        if (meetingDate is { } meeting && meeting < Time.NorwegianTime.Today(ForwardedAt))
        {
            return AppealStepRefusal.MeetingBeforeForwarding;
        }

        Outcome = outcome;
        DecidedBy = decidedBy;
        DecidedAt = now;
        MeetingDate = meetingDate;
        Resolution = resolution;
        DecisionDocumentId = decisionDocumentId;
        return null;
    }

    /// <summary>
    /// The appellant withdrew the appeal while this body had it (issue 11): the step is closed as
    /// <see cref="AppealBodyOutcome.Withdrawn"/> at <paramref name="now"/>, so the body can no longer decide on it.
    /// Refused when the body has already decided.
    /// </summary>
    public AppealStepRefusal? Withdraw(string withdrawnBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(withdrawnBy);
        if (!IsOpen)
        {
            return AppealStepRefusal.AlreadyDecided;
        }

        Outcome = AppealBodyOutcome.Withdrawn;
        DecidedBy = withdrawnBy;
        DecidedAt = now;
        return null;
    }
}

/// <summary>What an appeal body did with a forwarded case (fvl. § 34). Stored by name: never rename.</summary>
public enum AppealBodyOutcome
{
    /// <summary>Stadfestet: the decision stands (final body).</summary>
    Upheld,

    /// <summary>Omgjort: a new outcome that takes effect (final body), or an intermediate body's reversal.</summary>
    Reversed,

    /// <summary>Opphevet: the case returns to the municipality for new treatment.</summary>
    Quashed,

    /// <summary>Avvist: the appeal is dismissed.</summary>
    Dismissed,

    /// <summary>An intermediate body upholds and forwards to the next body of the chain.</summary>
    ForwardedOn,

    /// <summary>The appellant withdrew the appeal while the body had it: not the body's decision; the decision appealed against stands.</summary>
    Withdrawn,
}

public enum AppealStepRefusal
{
    AlreadyDecided,
    OutcomeMissing,
    MeetingMissing,
    MeetingBeforeForwarding,
    ResolutionTooLong,
}
