using SkoleskyssSak.Domain.Deadlines;

namespace SkoleskyssSak.Domain.Appeals;

/// <summary>
/// An appeal (klage) against an enkeltvedtak of a case (fvl. §§ 28–32), from "Mine saker" or registered by a caseworker
/// when it came on paper or by e-mail. Its deadline is 3 weeks from the day the notice of the decision reached the
/// party (fvl. § 29, counted by fvl. § 30 with domstolloven §§ 148–149); an appeal posted before the deadline is in time.
/// A late appeal is still registered and flagged; the municipality records whether it is considered anyway (fvl. § 31)
/// or dismissed.
/// </summary>
public sealed class Appeal
{
    public const int MaxTextLength = 8000;

    private Appeal()
    {
        Text = string.Empty;
        RegisteredBy = string.Empty;
    }

    private Appeal(Guid id, Guid caseId, Guid decisionId, AppealChannel channel, string text, DateOnly receivedOn, DateOnly? postedOn, DateOnly noticeReceivedOn, string registeredBy, DateTimeOffset now)
    {
        Id = id;
        CaseId = caseId;
        DecisionId = decisionId;
        Channel = channel;
        Text = text;
        ReceivedOn = receivedOn;
        PostedOn = postedOn;
        NoticeReceivedOn = noticeReceivedOn;
        Deadline = AppealDeadline.From(noticeReceivedOn);
        IsLate = AppealDeadline.IsLate(Deadline, receivedOn, postedOn);
        RegisteredBy = registeredBy;
        RegisteredAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The decision appealed against.</summary>
    public Guid DecisionId { get; private set; }

    public AppealChannel Channel { get; private set; }

    /// <summary>What should change and why (fvl. § 32 first paragraph b); for a paper appeal, a summary or empty.</summary>
    public string Text { get; private set; }

    /// <summary>The day the municipality received it (Norwegian date).</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>The day a paper appeal was posted, if known: posted before the deadline is in time (fvl. § 30).</summary>
    public DateOnly? PostedOn { get; private set; }

    /// <summary>The day the notice of the decision reached the party (fvl. § 29).</summary>
    public DateOnly NoticeReceivedOn { get; private set; }

    /// <summary>The last day to appeal.</summary>
    public DateOnly Deadline { get; private set; }

    public bool IsLate { get; private set; }

    /// <summary>For a late appeal: considered anyway (fvl. § 31) or dismissed; null until decided, and for one in time.</summary>
    public LateAppealHandling? LateHandling { get; private set; }

    public string? LateHandlingReason { get; private set; }

    public string RegisteredBy { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// When the appellant withdrew the appeal (issue 11): the appeal case ends and the decision appealed against stands.
    /// Null while it stands. A new appeal is a new <see cref="Appeal"/> with the deadline of fvl. § 29 (late: fvl. § 31).
    /// </summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    /// <summary>
    /// Registers an appeal. The notice date cannot lie after the day the appeal was received, nor a postmark after it.
    /// </summary>
    public static Appeal Register(Guid id, Guid caseId, Guid decisionId, AppealChannel channel, string? text, DateOnly receivedOn, DateOnly? postedOn, DateOnly noticeReceivedOn, string registeredBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registeredBy);
        text = text?.Trim() ?? string.Empty;
        if (text.Length > MaxTextLength)
        {
            throw new ArgumentException($"An appeal text has at most {MaxTextLength} characters.", nameof(text));
        }

        if (noticeReceivedOn > receivedOn || postedOn > receivedOn)
        {
            throw new ArgumentException("The notice and the postmark cannot be later than the day the appeal was received.", nameof(noticeReceivedOn));
        }

        return new Appeal(id, caseId, decisionId, channel, text, receivedOn, postedOn, noticeReceivedOn, registeredBy, now);
    }

    /// <summary>
    /// fvl. § 31: a late appeal may be considered anyway only while it is not more than one year since the decision was
    /// made (third paragraph); after that it can only be dismissed. False for an appeal in time or already handled.
    /// </summary>
    public bool MayBeConsideredAnyway(DateOnly decisionMadeOn) =>
        IsLate && LateHandling is null && !AppealDeadline.IsBeyondLateAppealLimit(decisionMadeOn, ReceivedOn, PostedOn);

    /// <summary>Records that the appellant withdrew the appeal; false when it was already withdrawn.</summary>
    public bool TryWithdraw(DateTimeOffset now)
    {
        if (IsWithdrawn)
        {
            return false;
        }

        WithdrawnAt = now;
        return true;
    }

    /// <summary>Records how a late appeal is handled (fvl. § 31); false when it is in time or already handled.</summary>
    public bool TryRecordLateHandling(LateAppealHandling handling, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsLate || LateHandling is not null || !Enum.IsDefined(handling))
        {
            return false;
        }

        LateHandling = handling;
        LateHandlingReason = reason.Trim();
        return true;
    }
}

/// <summary>Stored by name: never rename.</summary>
public enum AppealChannel
{
    /// <summary>From "Mine saker".</summary>
    Online,

    Paper,

    Email,
}

/// <summary>fvl. § 31. Stored by name: never rename.</summary>
public enum LateAppealHandling
{
    /// <summary>Considered anyway: the party cannot be blamed, or there are special reasons.</summary>
    ConsideredAnyway,

    /// <summary>Dismissed (avvist): itself an enkeltvedtak that can be appealed.</summary>
    Dismissed,
}
