using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>Adds the notification to the request's unit of work (committed with the change it tells about).</summary>
public sealed class NotificationOutbox(AppDbContext db, TimeProvider clock) : INotificationOutbox
{
    public void Enqueue(Notification notification)
    {
        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            CreatedAt = now,
            NextAttemptAt = now,
            Kind = notification.Kind,
            CaseId = notification.CaseId,
            Recipient = notification.Recipient,
            Subject = notification.Subject,
            Body = notification.Body,
        });
    }
}
