using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>
/// Sends queued notifications, at least once. Safe on several instances at once, and no row lock is held while the
/// mail server is talked to: a batch is claimed in a short transaction (<c>FOR UPDATE SKIP LOCKED</c>, then
/// <c>next_attempt_at</c> moved <see cref="OutboxOptions.ClaimSeconds"/> ahead, so no other dispatcher takes it),
/// sent outside any transaction, and each message is then marked sent or failed in another short transaction. A
/// dispatcher that dies mid-batch leaves its claim to run out, and the messages are claimed again (at-least-once).
/// A failed send is retried with exponential back-off and given up after <see cref="OutboxOptions.MaxAttempts"/>
/// (kept, marked failed). Logs name the message id and kind, never the recipient or the content.
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
        // Whole microseconds, as PostgreSQL stores them, so that the claim can be recognised when marking.
        var until = clock.GetUtcNow().AddSeconds(settings.ClaimSeconds).UtcTicks;
        var claimedUntil = new DateTimeOffset(until - (until % 10), TimeSpan.Zero);
        var batch = await ClaimAsync(settings.BatchSize, claimedUntil, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Stop sending while there is still time to mark the rest before the claim runs out; what is left is
        // released (due now, no attempt counted) for the next run.
        var stopSendingAt = claimedUntil.AddSeconds(-2 * Math.Max(settings.SmtpTimeoutSeconds, 1));
        var outcomes = new List<SendOutcome>(batch.Count);
        foreach (var message in batch)
        {
            if (cancellationToken.IsCancellationRequested || clock.GetUtcNow() >= stopSendingAt)
            {
                outcomes.Add(new SendOutcome(message.Id, SendResult.Released, null));
                continue;
            }

            try
            {
                await transport.SendAsync(message, cancellationToken);
                outcomes.Add(new SendOutcome(message.Id, SendResult.Sent, null));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcomes.Add(new SendOutcome(message.Id, SendResult.Released, null));
            }
            catch (Exception ex)
            {
                outcomes.Add(new SendOutcome(message.Id, SendResult.Failed, ex.GetType().Name + ": " + ex.Message));
            }
        }

        // Marking must not be skipped because the host is stopping: a sent mail left unmarked would be sent again.
        await MarkAsync(outcomes, claimedUntil, CancellationToken.None);
        return outcomes.Count(o => o.Result == SendResult.Sent);
    }

    /// <summary>Claims up to <paramref name="batchSize"/> due messages in one short transaction and returns them, detached.</summary>
    private async Task<List<OutboxMessage>> ClaimAsync(int batchSize, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var batch = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY id
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            foreach (var message in batch)
            {
                message.NextAttemptAt = claimedUntil;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return batch;
        });
    }

    /// <summary>Records what happened to each claimed message, in one short transaction.</summary>
    private async Task MarkAsync(List<SendOutcome> outcomes, DateTimeOffset claimedUntil, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        var ids = outcomes.Select(o => o.MessageId).ToList();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            foreach (var outcome in outcomes)
            {
                if (!messages.TryGetValue(outcome.MessageId, out var message) || message.SentAt is not null || message.FailedAt is not null)
                {
                    continue;
                }

                // A claim that ran out may have been taken by another dispatcher: only a sent mail is recorded then.
                if (outcome.Result != SendResult.Sent && message.NextAttemptAt != claimedUntil)
                {
                    continue;
                }

                var now = clock.GetUtcNow();
                switch (outcome.Result)
                {
                    case SendResult.Sent:
                        message.SentAt = now;
                        break;
                    case SendResult.Released:
                        message.NextAttemptAt = now;
                        break;
                    default:
                        message.Attempts++;
                        message.LastError = outcome.Error is { Length: > 2000 } error ? error[..2000] : outcome.Error;
                        if (message.Attempts >= settings.MaxAttempts)
                        {
                            message.FailedAt = now;
                            logger.LogError("Notification {MessageId} ({Kind}) given up after {Attempts} attempts", message.Id, message.Kind, message.Attempts);
                        }
                        else
                        {
                            message.NextAttemptAt = now.AddSeconds(Math.Pow(2, message.Attempts) * settings.PollSeconds);
                            logger.LogWarning("Notification {MessageId} ({Kind}) failed, attempt {Attempts}", message.Id, message.Kind, message.Attempts);
                        }

                        break;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
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

    private enum SendResult
    {
        Sent,
        Failed,
        Released,
    }

    private sealed record SendOutcome(long MessageId, SendResult Result, string? Error);
}
