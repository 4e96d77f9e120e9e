using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Features.InterimReplies;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.InterimReplies;

/// <summary>
/// Sends the interim reply (fvl. § 11 a third paragraph) of every case that is one month old without a decision.
/// Safe on several instances at once: each due case is handled in its own transaction that first claims the case row
/// with <c>FOR UPDATE SKIP LOCKED</c> and only if no reply has been recorded yet, so one instance sends it and the
/// others skip it. The letter is rendered by the web's <c>ILetterRenderer</c>, resolved from a fresh scope per case.
/// Logs name the case id, never personal data.
/// </summary>
public sealed class InterimReplyJob(
    IServiceScopeFactory scopes,
    IOptions<InterimReplyOptions> options,
    TimeProvider clock,
    ILogger<InterimReplyJob> logger) : BackgroundService
{
    /// <summary>
    /// A month is at least 28 days, so no case submitted later than this can be due; the exact rule
    /// (<see cref="InterimReply.IsDue"/>, Norwegian dates, month ends) decides among the rest.
    /// </summary>
    private static readonly TimeSpan YoungestCandidate = TimeSpan.FromDays(27);

    /// <summary>One pass: sends the due cases' replies (at most a batch); returns how many this instance sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var caseId in await DueCasesAsync(cancellationToken))
        {
            try
            {
                if (await SendAsync(caseId, cancellationToken))
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left unmarked, so the next pass tries again; the other cases go on.
                logger.LogError(ex, "The interim reply of case {CaseId} could not be sent; retrying next pass", caseId);
            }
        }

        return sent;
    }

    /// <summary>Undecided cases without an interim reply that are due today, oldest first (read without locks).</summary>
    private async Task<IReadOnlyList<Guid>> DueCasesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var cutoff = now - YoungestCandidate;
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.InterimReplySentAt == null
                && (c.State == CaseState.Submitted || c.State == CaseState.InAssessment || c.State == CaseState.AwaitingInformation)
                && c.SubmittedAt <= cutoff)
            .OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.State, c.SubmittedAt })
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        // Due-ness only grows with age, so the due cases are the oldest candidates.
        return candidates
            .TakeWhile(c => InterimReply.IsDue(c.State, NorwegianTime.Today(c.SubmittedAt!.Value), alreadySent: false, today))
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>Claims the case and sends its reply in one transaction; false when another instance has it or it is no longer due.</summary>
    private async Task<bool> SendAsync(Guid caseId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Database
                .SqlQuery<Guid>($"SELECT id AS \"Value\" FROM cases WHERE id = {caseId} AND interim_reply_sent_at IS NULL FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
            if (claimed.Count == 0)
            {
                return false;
            }

            var result = await sender.Send(new SendInterimReplyCommand(caseId), cancellationToken);
            if (!result.IsOk)
            {
                logger.LogWarning("The interim reply of case {CaseId} was not sent: {Result}", caseId, result.Failure.GetType().Name);
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Interim reply sent for case {CaseId}", caseId);
            return true;
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) == options.Value.BatchSize)
                {
                    // A full batch: there may be more due.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The interim reply job could not run; retrying next pass");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
