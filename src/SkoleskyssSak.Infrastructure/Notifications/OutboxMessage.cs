namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>A notification waiting to be sent, or sent, or given up on (after <see cref="OutboxOptions.MaxAttempts"/>).</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid? CaseId { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    public string? LastError { get; set; }
}
