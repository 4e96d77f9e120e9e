using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>
/// Sends queued notifications. Safe on several instances at once: each batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so two dispatchers never take the same message. A failed send is retried
/// with exponential back-off and given up after <see cref="OutboxOptions.MaxAttempts"/> (kept, marked failed).
/// Logs name the message id and kind, never the recipient or the content.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Claims and sends one batch; returns how many were sent.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var batch = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY id
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);

            var sent = 0;
            foreach (var message in batch)
            {
                try
                {
                    await transport.SendAsync(message, cancellationToken);
                    message.SentAt = clock.GetUtcNow();
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    message.Attempts++;
                    message.LastError = ex.GetType().Name + ": " + ex.Message;
                    if (message.Attempts >= settings.MaxAttempts)
                    {
                        message.FailedAt = clock.GetUtcNow();
                        logger.LogError("Notification {MessageId} ({Kind}) given up after {Attempts} attempts", message.Id, message.Kind, message.Attempts);
                    }
                    else
                    {
                        message.NextAttemptAt = clock.GetUtcNow().AddSeconds(Math.Pow(2, message.Attempts) * settings.PollSeconds);
                        logger.LogWarning("Notification {MessageId} ({Kind}) failed, attempt {Attempts}", message.Id, message.Kind, message.Attempts);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return sent;
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), clock);
        do
        {
            try
            {
                while (await DispatchOnceAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch: there may be more waiting.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The notification outbox could not be processed; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
