using System.Text;
using System.Text.Json;

namespace SkoleskyssSak.Web.Auth;

/// <summary>
/// Reads the person identifier from ID-porten's id_token. The token arrives straight from ID-porten's token
/// endpoint over TLS, authenticated with our client secret, so (OpenID Connect Core 1.0 § 3.1.3.7) TLS
/// validates the issuer in place of the signature; issuer, audience and expiry are still checked here.
/// Microsoft.AspNetCore.Authentication.OpenIdConnect is not on the package mirror.
/// </summary>
public static class IdPortenTokenReader
{
    public static IdPortenPerson Read(string idToken, IdPortenOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(idToken);
        ArgumentNullException.ThrowIfNull(options);
        var parts = idToken.Split('.');
        if (parts.Length != 3)
        {
            throw new InvalidOperationException("The id_token is not a JWT.");
        }

        using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
        var root = payload.RootElement;
        var issuer = root.GetProperty("iss").GetString();
        if (!string.Equals(issuer, options.Issuer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The id_token comes from another issuer.");
        }

        var audience = root.GetProperty("aud");
        var audienceOk = audience.ValueKind == JsonValueKind.Array
            ? audience.EnumerateArray().Any(a => a.GetString() == options.ClientId)
            : audience.GetString() == options.ClientId;
        if (!audienceOk)
        {
            throw new InvalidOperationException("The id_token is meant for another client.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()) < now.AddMinutes(-2))
        {
            throw new InvalidOperationException("The id_token has expired.");
        }

        var pid = root.TryGetProperty("pid", out var p) ? p.GetString() : null;
        if (string.IsNullOrEmpty(pid))
        {
            throw new InvalidOperationException("The id_token has no person identifier (pid).");
        }

        // The security level actually used must be at least the one asked for (substantial < high).
        var acr = root.TryGetProperty("acr", out var a) ? a.GetString() : null;
        if (!MeetsLevel(acr, options.AcrValues))
        {
            throw new InvalidOperationException("The sign-in's security level is lower than required.");
        }

        var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
        return new IdPortenPerson(pid, name);
    }

    private static readonly string[] LevelsLowToHigh = ["idporten-loa-substantial", "idporten-loa-high"];

    private static bool MeetsLevel(string? actual, string required) =>
        Array.IndexOf(LevelsLowToHigh, actual) >= Math.Max(0, Array.IndexOf(LevelsLowToHigh, required));

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Convert.FromBase64String(s);
    }
}

public sealed record IdPortenPerson(string PersonIdentifier, string? Name);
