using System.Buffers;
using System.Text;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Domain.Cases;

/// <summary>Who may trigger a transition. Staff roles map onto these in the Application layer.</summary>
public enum CaseActorRole
{
    /// <summary>A guardian (foresatt) who is a party to the case.</summary>
    Guardian = 0,

    /// <summary>A caseworker (saksbehandler) of the case's municipality, acting for the first instance.</summary>
    Caseworker = 1,

    /// <summary>A member of the appeal body (klageinstans) the case has been forwarded to.</summary>
    AppealBody = 2,

    /// <summary>The system itself: a background job or an automatic consequence of another step.</summary>
    System = 3,
}

/// <summary>
/// The actor of a transition: a pseudonymous id (a citizen's <c>c-…</c> pseudonym, a staff user id, or a system job
/// name; ADR 0004) and the role the actor acts in. Never a fødselsnummer: an id that contains one (eleven digits with
/// valid check digits, <see cref="NationalIdentityNumber"/>) is rejected; a citizen pseudonym never is.
/// </summary>
public sealed record CaseActor
{
    public CaseActor(string id, CaseActorRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (ContainsNationalIdentityNumber(id))
        {
            throw new ArgumentException("An actor id must be pseudonymous; it must not contain a fødselsnummer.", nameof(id));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown actor role.");
        }

        Id = id;
        Role = role;
    }

    public string Id { get; }

    public CaseActorRole Role { get; }

    public static CaseActor System(string jobName) => new(jobName, CaseActorRole.System);

    /// <summary>
    /// Whether <paramref name="id"/> carries a fødselsnummer or D-nummer: a run of exactly eleven digits (optionally
    /// split 6 + 5 by a space) that is a valid number, check digits and date included. A citizen pseudonym
    /// (<c>c-</c> + 24 hex digits of an HMAC, ADR 0004) is never one, even when its hex happens to hold eleven decimal
    /// digits in a row (about 1.4 % of citizens; before, their sign-in could never start a søknad). Longer runs are
    /// not a fødselsnummer either: a staff user's id is a Guid, whose last group may be twelve digits.
    /// </summary>
    public static bool ContainsNationalIdentityNumber(string id)
    {
        if (IsCitizenPseudonym(id))
        {
            return false;
        }

        for (var start = 0; start < id.Length; start++)
        {
            if (!char.IsAsciiDigit(id[start]) || (start > 0 && char.IsAsciiDigit(id[start - 1])))
            {
                continue;
            }

            var digits = new StringBuilder(11);
            var i = start;
            for (; i < id.Length && digits.Length < 12; i++)
            {
                if (char.IsAsciiDigit(id[i]))
                {
                    digits.Append(id[i]);
                }
                else if (id[i] == ' ' && digits.Length == 6 && i + 1 < id.Length && char.IsAsciiDigit(id[i + 1]))
                {
                    continue;
                }
                else
                {
                    break;
                }
            }

            if (digits.Length == 11 && NationalIdentityNumber.TryParse(digits.ToString(), out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The shape of a citizen pseudonym (ADR 0004): <c>c-</c> followed by 24 lower-case hex digits.</summary>
    public static bool IsCitizenPseudonym(string id) =>
        id is { Length: 26 } && id.StartsWith("c-", StringComparison.Ordinal) && id.AsSpan(2).IndexOfAnyExcept(LowerHexDigits) < 0;

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");
}
