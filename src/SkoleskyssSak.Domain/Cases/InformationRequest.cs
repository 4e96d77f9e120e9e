namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// A caseworker's request to the guardians for more information (fvl. § 17 first paragraph: the case shall be as well
/// clarified as possible), with the date by which a reply is asked for. Answered once, by a guardian who is a party;
/// the case then returns to assessment (<see cref="CaseTrigger.InformationReceived"/>).
/// </summary>
public sealed class InformationRequest
{
    public const int MaxTextLength = 4000;

    private InformationRequest()
    {
        Question = string.Empty;
        RequestedBy = string.Empty;
    }

    private InformationRequest(Guid id, Guid caseId, string question, DateOnly replyBy, string requestedBy, DateTimeOffset requestedAt)
    {
        Id = id;
        CaseId = caseId;
        Question = question;
        ReplyBy = replyBy;
        RequestedBy = requestedBy;
        RequestedAt = requestedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>What the caseworker asks for, as the guardian reads it.</summary>
    public string Question { get; private set; }

    /// <summary>The reply deadline set in the request (a Norwegian date; a late reply is still received).</summary>
    public DateOnly ReplyBy { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The guardian's reply text; null until answered.</summary>
    public string? Answer { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>A new request. The reply deadline must not lie before the day it is asked (Norwegian date).</summary>
    public static InformationRequest Create(Guid id, Guid caseId, string question, DateOnly replyBy, string requestedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedBy);
        question = question.Trim();
        if (question.Length > MaxTextLength)
        {
            throw new ArgumentException($"A request has at most {MaxTextLength} characters.", nameof(question));
        }

        if (replyBy < Time.NorwegianTime.Today(now))
        {
            throw new ArgumentException("The reply deadline lies in the past.", nameof(replyBy));
        }

        return new InformationRequest(id, caseId, question, replyBy, requestedBy, now);
    }

    /// <summary>Records the reply; false (nothing changed) when it was answered already.</summary>
    public bool TryAnswer(string answer, string answeredBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(answeredBy);
        if (IsAnswered)
        {
            return false;
        }

        answer = answer.Trim();
        if (answer.Length > MaxTextLength)
        {
            throw new ArgumentException($"A reply has at most {MaxTextLength} characters.", nameof(answer));
        }

        Answer = answer;
        AnsweredBy = answeredBy;
        AnsweredAt = now;
        return true;
    }

    /// <summary>The reply came after the deadline (Norwegian date of the reply).</summary>
    public bool AnsweredLate => AnsweredAt is { } at && Time.NorwegianTime.Today(at) > ReplyBy;
}
