using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// How failed staff sign-ins slow further attempts (issue 10, item 4): after <paramref name="FreeFailures"/> failures in a
/// row for the same scope, each next attempt must wait, starting at <paramref name="FirstDelay"/> and doubling up to
/// <paramref name="MaxDelay"/>; the count is forgotten after <paramref name="ForgetAfter"/> without a failure.
/// </summary>
public sealed record SignInBackOff(string Scope, int FreeFailures, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan ForgetAfter);

/// <summary>
/// Back-off of failed staff sign-ins per account (the e-mail address as typed, known or not) and per client address,
/// in PostgreSQL so every web node counts the same. It replaces Identity's hard lockout, which anyone could trigger from
/// many addresses to lock a caseworker out for 15 minutes at a time and which told which accounts exist. An account's
/// delay is capped at a few minutes, so an attacker can slow a colleague down but never shut them out; a flood from one
/// address is slowed much longer. The rules are data (<see cref="Rules"/>).
/// </summary>
public sealed class SignInThrottling(AppDbContext db, TimeProvider clock)
{
    public static readonly IReadOnlyList<SignInBackOff> Rules =
    [
        new("account", FreeFailures: 5, FirstDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromMinutes(5), ForgetAfter: TimeSpan.FromHours(1)),
        new("address", FreeFailures: 20, FirstDelay: TimeSpan.FromSeconds(1), MaxDelay: TimeSpan.FromMinutes(15), ForgetAfter: TimeSpan.FromHours(1)),
    ];

    /// <summary>Counts untouched this long are removed (longer than every rule's <see cref="SignInBackOff.ForgetAfter"/>).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>How long the caller must wait before this attempt may be checked, or null when it may be checked now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = Ids(email, clientAddress).Select(k => k.Id).ToList();
        var blockedUntil = await db.SignInThrottles.AsNoTracking()
            .Where(t => ids.Contains(t.Id) && t.BlockedUntil != null && t.BlockedUntil > now)
            .MaxAsync(t => t.BlockedUntil, cancellationToken);
        return blockedUntil is { } until ? until - now : null;
    }

    /// <summary>Counts a failed attempt for the account and the address, and sets their back-off.</summary>
    public async Task RecordFailureAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (rule, id) in Ids(email, clientAddress))
        {
            var forgetBefore = now - rule.ForgetAfter;
            var free = rule.FreeFailures;
            var first = rule.FirstDelay;
            var max = rule.MaxDelay;
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO sign_in_throttles AS t (id, failures, last_failure_at, blocked_until)
                VALUES ({id}, 1, {now}, CASE WHEN 1 > {free} THEN {now} + {first} END)
                ON CONFLICT (id) DO UPDATE SET
                    failures = CASE WHEN t.last_failure_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END,
                    last_failure_at = {now},
                    blocked_until = CASE
                        WHEN (CASE WHEN t.last_failure_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END) > {free}
                        THEN {now} + LEAST({max}, {first} * power(2, LEAST(30, (CASE WHEN t.last_failure_at < {forgetBefore} THEN 1 ELSE t.failures + 1 END) - {free} - 1)))
                    END
                """,
                cancellationToken);
        }
    }

    /// <summary>
    /// A successful sign-in forgets the account's failures (not the address's), and removes counts nobody has added to
    /// for a day (<see cref="Retention"/>).
    /// </summary>
    public async Task RecordSuccessAsync(string email, CancellationToken cancellationToken)
    {
        var id = Id("account", email);
        var before = clock.GetUtcNow() - Retention;
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM sign_in_throttles WHERE id = {id} OR last_failure_at < {before}", cancellationToken);
    }

    private static IEnumerable<(SignInBackOff Rule, string Id)> Ids(string email, string? clientAddress) =>
        Rules.Select(rule => (rule, Id(rule.Scope, rule.Scope == "account" ? email : clientAddress ?? "unknown")));

    private static string Id(string scope, string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + ":" + normalised));
        return scope + ":" + Convert.ToHexStringLower(hash)[..40];
    }
}
