using System.Globalization;
using System.Text.RegularExpressions;

namespace SkoleskyssSak.Domain.People;

/// <summary>
/// An e-mail address the outbox can deliver to: <c>local@domain</c> as RFC 5321 § 4.1.2 / RFC 5322 § 3.2.3 write it
/// without quoting — a dot-atom local part of at most 64 characters (letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c>,
/// dots only between them) and a domain of at least two labels (letters, digits and inner hyphens, at most 63 characters
/// each; a Norwegian domain such as <c>blåbær.no</c> is checked in its IDNA form) ending in a top-level domain of letters;
/// at most 254 characters in all (RFC 5321 § 4.5.3.1). Quoted local parts, comments and address literals are refused:
/// no guardian needs them, and they are how markup such as <c>"&gt;&lt;img …&gt;@x.no</c> slips through a looser check.
/// </summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartLength = 64;

    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        var address = value.Trim();
        if (address.Length is 0 or > MaxLength)
        {
            return false;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at > MaxLocalPartLength || at == address.Length - 1)
        {
            return false;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (!LocalPart().IsMatch(local))
        {
            return false;
        }

        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return ascii.Length <= MaxLength && Domain().IsMatch(ascii);
    }

    [GeneratedRegex(@"\A[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"\A([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Domain();
}
