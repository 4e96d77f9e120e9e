namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Queues a notification (e-mail) in the current unit of work: it is stored in the same transaction as the
/// change it tells about, and sent afterwards by the outbox dispatcher, so a crash never loses or invents one.
/// </summary>
public interface INotificationOutbox
{
    void Enqueue(Notification notification);
}

/// <param name="Recipient">An e-mail address. Personal data: never logged.</param>
/// <param name="Kind">What it is about, e.g. "ApplicationReceived"; logged instead of the content.</param>
/// <param name="CaseId">The case it belongs to, if any.</param>
public sealed record Notification(string Recipient, string Subject, string Body, string Kind, Guid? CaseId = null);
