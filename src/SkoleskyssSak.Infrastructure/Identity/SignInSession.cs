namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// One signed-in session of a staff member or a parent, kept in PostgreSQL so that every web node agrees whether it
/// still holds (issue 10, item 3). The cookie carries the session's id (claim <c>sid</c>); sign-out ends the row, so a
/// copy of the cookie taken before is worthless afterwards. No personal data: the subject is the staff user's id or the
/// citizen's pseudonym (ADR 0004), never a fødselsnummer.
/// </summary>
public sealed class SignInSession
{
    public const int MaxSubjectLength = 100;

    public const int MaxProviderSessionIdLength = 200;

    private SignInSession()
    {
    }

    public Guid Id { get; private set; }

    /// <summary><see cref="SignInSessionStore.Staff"/> or <see cref="SignInSessionStore.Citizen"/>.</summary>
    public string UserKind { get; private set; } = string.Empty;

    /// <summary>The staff user's id or the citizen's pseudonym.</summary>
    public string Subject { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the session lapses unless its cookie is renewed (sliding expiration moves it on).</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Set by sign-out; an ended session never opens a page again.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>
    /// A parent's session at ID-porten (the id_token's <c>sid</c>), so that ID-porten's front-channel logout ends this
    /// session too; null for staff and TestID.
    /// </summary>
    public string? ProviderSessionId { get; private set; }
}
