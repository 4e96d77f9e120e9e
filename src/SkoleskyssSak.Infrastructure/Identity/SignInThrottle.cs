namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// Failed staff sign-ins counted per account and per client address, shared by every web node (issue 10, item 4).
/// The id is a hash of the scope and the e-mail address or client address as typed, so unknown accounts are counted
/// exactly like known ones and no address is stored in the clear.
/// </summary>
public sealed class SignInThrottle
{
    public const int MaxIdLength = 100;

    private SignInThrottle()
    {
    }

    /// <summary><c>account:</c> or <c>address:</c> + the first 40 hex digits of SHA-256 of the normalised value.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>Failures in a row, forgotten after a quiet period (<see cref="SignInBackOff.ForgetAfter"/>).</summary>
    public int Failures { get; private set; }

    public DateTimeOffset LastFailureAt { get; private set; }

    /// <summary>No attempt for this account or address is checked before this moment (the back-off).</summary>
    public DateTimeOffset? BlockedUntil { get; private set; }
}
