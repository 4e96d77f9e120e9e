using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// The server side of a sign-in (issue 10, item 3): a row per session in <c>sign_in_sessions</c>, checked on every
/// authenticated request by the cookie handlers, so that sign-out, a password change or a disabled staff account takes
/// effect at once on every web node. Raw statements, so that the request's unit of work is never saved by accident.
/// </summary>
public sealed class SignInSessionStore(AppDbContext db, TimeProvider clock)
{
    public const string Staff = "Staff";
    public const string Citizen = "Citizen";

    /// <summary>Lapsed or ended rows are kept this long (for the operator's eyes), then removed at a later sign-in.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    /// <summary>Starts a session that lapses after <paramref name="lifetime"/> unless renewed; returns its id.</summary>
    public Task<Guid> StartAsync(string userKind, string subject, TimeSpan lifetime, CancellationToken cancellationToken) =>
        StartAsync(userKind, subject, lifetime, providerSessionId: null, cancellationToken);

    /// <summary>
    /// Starts a session that lapses after <paramref name="lifetime"/> unless renewed; returns its id.
    /// <paramref name="providerSessionId"/> is ID-porten's session id, for its front-channel logout.
    /// </summary>
    public async Task<Guid> StartAsync(string userKind, string subject, TimeSpan lifetime, string? providerSessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (subject.Length > SignInSession.MaxSubjectLength)
        {
            throw new ArgumentException("The session's subject is too long.", nameof(subject));
        }

        if (providerSessionId is { Length: > SignInSession.MaxProviderSessionIdLength })
        {
            throw new ArgumentException("The provider's session id is too long.", nameof(providerSessionId));
        }

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var expiresAt = now + lifetime;
        var forgetBefore = now - Retention;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM sign_in_sessions WHERE expires_at < {forgetBefore}", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO sign_in_sessions (id, user_kind, subject, created_at, expires_at, provider_session_id) VALUES ({id}, {userKind}, {subject}, {now}, {expiresAt}, {providerSessionId})",
            cancellationToken);
        return id;
    }

    /// <summary>Whether a parent's session is neither ended nor lapsed.</summary>
    public Task<bool> IsCitizenSessionActiveAsync(Guid sessionId, string pseudonym, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.SignInSessions.AsNoTracking().AnyAsync(
            s => s.Id == sessionId && s.UserKind == Citizen && s.Subject == pseudonym && s.EndedAt == null && s.ExpiresAt > now,
            cancellationToken);
    }

    /// <summary>
    /// Whether a staff session holds: the session is neither ended nor lapsed, the account still has the security stamp
    /// the cookie was issued with (a password change renews the stamp) and the account is not disabled (Identity's
    /// lockout end in the future; failed sign-ins never set it, see <see cref="SignInThrottling"/>). One query.
    /// </summary>
    public Task<bool> IsStaffSessionActiveAsync(Guid sessionId, Guid userId, string? securityStamp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subject = userId.ToString();
        return db.Users.AsNoTracking().AnyAsync(
            u => u.Id == userId
                && u.SecurityStamp == securityStamp
                && !(u.LockoutEnabled && u.LockoutEnd != null && u.LockoutEnd > now)
                && db.SignInSessions.Any(s => s.Id == sessionId && s.UserKind == Staff && s.Subject == subject && s.EndedAt == null && s.ExpiresAt > now),
            cancellationToken);
    }

    /// <summary>Moves the session's end on when its cookie is renewed (sliding expiration).</summary>
    public Task RenewAsync(Guid sessionId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var expiresAt = clock.GetUtcNow() + lifetime;
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sign_in_sessions SET expires_at = {expiresAt} WHERE id = {sessionId} AND ended_at IS NULL", cancellationToken);
    }

    /// <summary>Ends the session (sign-out): every copy of its cookie stops working on every node.</summary>
    public Task EndAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sign_in_sessions SET ended_at = {now} WHERE id = {sessionId} AND ended_at IS NULL", cancellationToken);
    }

    /// <summary>Ends every open session of a staff user or citizen, e.g. when an account is disabled.</summary>
    public Task EndAllAsync(string userKind, string subject, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sign_in_sessions SET ended_at = {now} WHERE user_kind = {userKind} AND subject = {subject} AND ended_at IS NULL", cancellationToken);
    }

    /// <summary>
    /// Ends every open parent session started by ID-porten's session <paramref name="providerSessionId"/> (ID-porten's
    /// front-channel logout: the parent signed out at ID-porten or in another service). Returns how many were ended.
    /// </summary>
    public Task<int> EndByProviderSessionAsync(string providerSessionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerSessionId);
        var now = clock.GetUtcNow();
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE sign_in_sessions SET ended_at = {now} WHERE user_kind = {Citizen} AND provider_session_id = {providerSessionId} AND ended_at IS NULL",
            cancellationToken);
    }
}
