using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// A real OpenID Connect provider in the test process, playing ID-porten: Kestrel on a loopback port serving the
/// discovery document, the JWKS (an RSA key made for this run), the authorization endpoint (code + state back to the
/// redirect URI, the nonce, PKCE challenge, acr_values and ui_locales remembered), the token endpoint (checks the client
/// secret and the PKCE verifier, then issues an RS256 id_token) and the end-session endpoint. <see cref="NextIdToken"/>
/// lets a test change the next id_token (another audience, expired, another signing key, another nonce, a lower acr).
/// </summary>
public sealed class IdPortenTestProvider : IAsyncDisposable
{
    public const string ClientId = "skoleskyss-test";
    public const string ClientSecret = "test-client-secret";
    public const string KeyId = "idporten-test-key";

    private readonly WebApplication host;
    private readonly RsaSecurityKey signingKey = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly ConcurrentDictionary<string, AuthorizeRequest> codes = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> authorizeRequests = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> endSessionRequests = new();

    /// <summary>The discovery document's fixed part, as ID-porten publishes it.</summary>
    private static readonly Dictionary<string, object> DiscoveryConstants = new()
    {
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "pairwise" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["acr_values_supported"] = new[] { "idporten-loa-substantial", "idporten-loa-high" },
        ["ui_locales_supported"] = new[] { "nb", "nn", "en", "se" },
        ["frontchannel_logout_supported"] = true,
        ["frontchannel_logout_session_supported"] = true,
    };

    private IdPortenTestProvider(WebApplication host)
    {
        this.host = host;
    }

    /// <summary>The issuer and authority, e.g. http://127.0.0.1:41234.</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The identity the next sign-in gets.</summary>
    public string PersonIdentifier { get; set; } = "12838510068";

    public string? Name { get; set; } = "Kari Nordmann";

    public string Acr { get; set; } = "idporten-loa-substantial";

    /// <summary>ID-porten's session id in the id_token (<c>sid</c>); front-channel logout names it.</summary>
    public string SessionId { get; set; } = "idporten-session-1";

    /// <summary>Changes the next id_token (and only the next) before it is signed.</summary>
    public Action<IdTokenIssue>? NextIdToken { get; set; }

    /// <summary>Every authorization request's query, in order.</summary>
    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> AuthorizeRequests => authorizeRequests;

    public IReadOnlyCollection<IReadOnlyDictionary<string, string>> EndSessionRequests => endSessionRequests;

    /// <summary>Nonces of the authorization requests seen, oldest first.</summary>
    public IReadOnlyList<string> Nonces => authorizeRequests.Select(r => r.GetValueOrDefault("nonce", string.Empty)).ToList();

    public static async Task<IdPortenTestProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var host = builder.Build();
        var provider = new IdPortenTestProvider(host);
        provider.Map(host);
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = address.TrimEnd('/');
        return provider;
    }

    /// <summary>The app's settings that point it at this provider.</summary>
    public void Configure(IDictionary<string, string?> settings)
    {
        settings["IdPorten:Mode"] = "IdPorten";
        settings["IdPorten:Authority"] = Issuer;
        settings["IdPorten:RequireHttpsMetadata"] = "false";
        settings["IdPorten:ClientId"] = ClientId;
        settings["IdPorten:ClientSecret"] = ClientSecret;
    }

    /// <summary>
    /// What the browser does at ID-porten: follows the app's redirect to the authorization endpoint and returns the
    /// provider's redirect back to the app (a path and query on the app, e.g. /signin-idporten?code=…&amp;state=…).
    /// </summary>
    public static async Task<string> AuthorizeAsync(Uri authorizeUrl)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.PathAndQuery;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        await host.DisposeAsync();
        signingKey.Rsa.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>(DiscoveryConstants)
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = Issuer + "/endsession",
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(signingKey.Rsa.ExportParameters(false)) { KeyId = KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            authorizeRequests.Enqueue(query);
            var code = Guid.NewGuid().ToString("N");
            codes[code] = new AuthorizeRequest(query["client_id"], query["redirect_uri"], query.GetValueOrDefault("nonce"), query["code_challenge"]);
            var back = QueryHelpers.AddQueryString(query["redirect_uri"], new Dictionary<string, string?> { ["code"] = code, ["state"] = query["state"], ["iss"] = Issuer });
            return Results.Redirect(back);
        });
        app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || !codes.TryRemove(form["code"].ToString(), out var request))
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret || form["redirect_uri"] != request.RedirectUri || challenge != request.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_client" }, statusCode: 400);
            }

            return Results.Json(new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 120, id_token = IdToken(request) });
        });
        app.MapGet("/endsession", (HttpContext context) =>
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            endSessionRequests.Enqueue(query);
            return Results.Redirect(QueryHelpers.AddQueryString(query["post_logout_redirect_uri"], "state", query.GetValueOrDefault("state", string.Empty)));
        });
    }

    private string IdToken(AuthorizeRequest request)
    {
        var now = DateTime.UtcNow;
        var issue = new IdTokenIssue
        {
            Claims =
            {
                ["iss"] = Issuer,
                ["aud"] = request.ClientId,
                ["sub"] = "pairwise-subject-of-the-parent",
                ["pid"] = PersonIdentifier,
                ["acr"] = Acr,
                ["amr"] = new[] { "MinID-PIN" },
                ["sid"] = SessionId,
                ["locale"] = "nb",
            },
            SigningKey = signingKey,
            IssuedAt = now,
            Expires = now.AddMinutes(2),
        };
        if (request.Nonce is not null)
        {
            issue.Claims["nonce"] = request.Nonce;
        }

        if (Name is not null)
        {
            issue.Claims["name"] = Name;
        }

        var tweak = NextIdToken;
        NextIdToken = null;
        tweak?.Invoke(issue);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = issue.Claims,
            SigningCredentials = new SigningCredentials(issue.SigningKey, SecurityAlgorithms.RsaSha256),
            IssuedAt = issue.IssuedAt,
            NotBefore = issue.IssuedAt,
            Expires = issue.Expires,
        });
    }

    private sealed record AuthorizeRequest(string ClientId, string RedirectUri, string? Nonce, string CodeChallenge);
}

/// <summary>The id_token the provider is about to sign: its claims and key, for a test to spoil.</summary>
public sealed class IdTokenIssue
{
    public Dictionary<string, object> Claims { get; } = new(StringComparer.Ordinal);

    public SecurityKey SigningKey { get; set; } = null!;

    public DateTime IssuedAt { get; set; }

    public DateTime Expires { get; set; }

    /// <summary>A key of the same id as the provider's but not the one its JWKS publishes: the signature does not verify.</summary>
    public static SecurityKey ForeignKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = IdPortenTestProvider.KeyId };
}
