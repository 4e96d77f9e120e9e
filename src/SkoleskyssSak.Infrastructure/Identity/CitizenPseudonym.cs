using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// A stable pseudonym for a citizen: HMAC-SHA256 of the fødselsnummer under a secret key. A plain hash
/// would not do: there are few enough valid numbers to hash them all. The pseudonym goes into audit
/// records and logs instead of the number.
/// </summary>
public sealed class CitizenPseudonym(IOptions<CitizenPseudonymOptions> options) : ICitizenPseudonyms
{
    public string PseudonymFor(string personIdentifier)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.Key);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personIdentifier));
        return "c-" + Convert.ToHexStringLower(mac)[..24];
    }
}

public sealed class CitizenPseudonymOptions
{
    public const string Section = "Security:CitizenPseudonym";

    /// <summary>At least 32 characters; required outside Development (set by secret, never committed).</summary>
    public string Key { get; set; } = string.Empty;
}
