using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Tests;

/// <summary>One app signing parents in through <see cref="IdPortenTestProvider"/>, a real OpenID Connect provider on loopback.</summary>
public sealed class IdPortenApp : IAsyncLifetime
{
    public IdPortenTestProvider Provider { get; private set; } = null!;

    public AppFixture App { get; } = new();

    public async Task InitializeAsync()
    {
        Provider = await IdPortenTestProvider.StartAsync();
        await App.InitializeAsync();
        Provider.Configure(App.Settings);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// Issue 13: ID-porten through the framework's OpenID Connect handler against a real provider: discovery, the code flow
/// with PKCE, state and nonce, the id_token checked against the JWKS (signature, issuer, audience, lifetime) and its
/// security level; every refused token ends on a Norwegian page and signs nobody in; RP-initiated and front-channel logout
/// end the server-side session. (Replaces the tests of the hand-written id_token reader and pins the same refusals.)
/// </summary>
public sealed class IdPortenTests(IdPortenApp fixture) : IClassFixture<IdPortenApp>
{
    // A synthetic test person (Tenor: month + 80), valid mod-11 check digits.
    private const string KariNordmann = "12838510068";

    private AppFixture App => fixture.App;

    private IdPortenTestProvider Provider => fixture.Provider;

    [Fact]
    public async Task Sign_in_redirects_to_ID_porten_with_PKCE_state_nonce_and_security_level()
    {
        var client = App.NewClient();

        // TestID is gone when ID-porten is configured.
        var testId = await client.Http.GetAsync(new Uri("/innlogging/testid", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, testId.StatusCode);

        var response = await client.Http.GetAsync(new Uri("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Provider.Issuer + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.True(!query.TryGetValue("response_mode", out var mode) || mode == "query", "The code comes back in the query of a GET, not a cross-site POST.");
        Assert.Equal(IdPortenTestProvider.ClientId, query["client_id"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.False(string.IsNullOrEmpty(query["nonce"].ToString()));
        Assert.Equal("idporten-loa-substantial", query["acr_values"].ToString());
        Assert.Equal("nb", query["ui_locales"].ToString());
        Assert.Contains("openid", query["scope"].ToString().Split(' '));
        Assert.Contains("profile", query["scope"].ToString().Split(' '));
        Assert.Equal("http://localhost/signin-idporten", query["redirect_uri"].ToString());
    }

    [Fact]
    public async Task A_parent_from_a_Nynorsk_municipality_meets_ID_porten_in_Nynorsk()
    {
        // Sunnfjord (4647) writes Nynorsk: ?kommune= sets the page's language form, and ID-porten gets it as ui_locales.
        var response = await App.NewClient().Http.GetAsync(new Uri("/innlogging/foresatt?start=true&kommune=4647", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("nn", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["ui_locales"].ToString());
    }

    [Fact]
    public async Task A_valid_id_token_signs_the_parent_in_to_Mine_saker_under_the_pseudonym()
    {
        Provider.SessionId = "idporten-session-accepted";
        var client = App.NewClient();
        var callback = await StartAndAuthorizeAsync(client);
        var signedIn = await client.Http.GetAsync(new Uri(callback, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/mine-saker", signedIn.Headers.Location!.OriginalString);

        var (mine, page) = await client.FollowAsync(signedIn);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("Logget inn som Kari Nordmann", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The server-side session and the audit record carry the pseudonym; the fødselsnummer is in no log line.
        var pseudonym = PseudonymOf(KariNordmann);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.SignInSessions.SingleAsync(s => s.ProviderSessionId == "idporten-session-accepted");
        Assert.Equal(pseudonym, session.Subject);
        Assert.Null(session.EndedAt);
        Assert.Contains(await db.AuditEvents.Where(a => a.Action == "SignIn" && a.ActorKind == "Citizen").ToListAsync(),
            a => a.ActorId == pseudonym && a.ObjectId == "idporten");
        Assert.NotEmpty(App.Logs.Lines);
        Assert.DoesNotContain(KariNordmann, App.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_callback_cannot_be_replayed()
    {
        var client = App.NewClient();
        var callback = await StartAndAuthorizeAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri(callback, UriKind.Relative))).StatusCode);

        // The same code and state again, from another browser: no correlation cookie, nobody signed in.
        var other = App.NewClient();
        var replay = await other.Http.GetAsync(new Uri(callback, UriKind.Relative));
        await AssertRefusedAsync(other, replay, "innlogging");
    }

    /// <summary>Each refused token: the code on the sign-in page, and what the log says (IdentityModel's message id, or ours).</summary>
    public static TheoryData<string, string, string> RefusedTokens => new()
    {
        { "wrong signature", "innlogging", "IDX10511" },
        { "another issuer", "innlogging", "IDX10205" },
        { "another audience", "innlogging", "IDX10214" },
        { "expired", "innlogging", "IDX10223" },
        { "replayed nonce", "innlogging", "IDX21323" },
        { "no pid", "innlogging", "no person identifier" },
        { "security level too low", "sikkerhetsniva", "security level (acr)" },
        { "no security level", "sikkerhetsniva", "security level (acr)" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_refused_id_token_ends_on_a_Norwegian_page_and_signs_nobody_in(string why, string code, string reason)
    {
        // A replayed nonce: the id_token carries the nonce of an earlier sign-in, not the one this browser was given.
        var earlierNonce = why == "replayed nonce" ? await EarlierNonceAsync() : null;
        var providerSession = "idporten-session-refused-" + why.Replace(' ', '-');
        Provider.SessionId = providerSession;
        var client = App.NewClient();
        Provider.NextIdToken = why switch
        {
            "wrong signature" => t => t.SigningKey = IdTokenIssue.ForeignKey(),
            "another issuer" => t => t.Claims["iss"] = "https://evil.example",
            "another audience" => t => t.Claims["aud"] = "another-client",
            "expired" => t => (t.IssuedAt, t.Expires) = (DateTime.UtcNow.AddMinutes(-30), DateTime.UtcNow.AddMinutes(-10)),
            "replayed nonce" => t => t.Claims["nonce"] = earlierNonce!,
            "no pid" => t => t.Claims.Remove("pid"),
            "security level too low" => t => t.Claims["acr"] = "idporten-loa-low",
            "no security level" => t => t.Claims.Remove("acr"),
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        var signInsBefore = await CitizenSignInsAsync();
        var callback = await StartAndAuthorizeAsync(client);
        var logLinesBefore = App.Logs.Lines.Count;
        var response = await client.Http.GetAsync(new Uri(callback, UriKind.Relative));
        await AssertRefusedAsync(client, response, code);

        // Refused for this reason and no other.
        var refusal = Assert.Single(App.Logs.Lines.Skip(logLinesBefore), l => l.Contains("ID-porten sign-in refused", StringComparison.Ordinal));
        Assert.Contains(reason, refusal, StringComparison.Ordinal);

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.SignInSessions.AnyAsync(s => s.ProviderSessionId == providerSession), why);
        Assert.Equal(signInsBefore, await CitizenSignInsAsync());
        Assert.DoesNotContain(KariNordmann, App.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_at_ID_porten_ends_on_a_Norwegian_page()
    {
        var client = App.NewClient();
        var callback = await StartAndAuthorizeAsync(client);
        var state = QueryHelpers.ParseQuery(new Uri("http://localhost" + callback).Query)["state"].ToString();
        var response = await client.Http.GetAsync(new Uri("/signin-idporten?error=access_denied&state=" + Uri.EscapeDataString(state), UriKind.Relative));
        await AssertRefusedAsync(client, response, "avbrutt");
    }

    [Fact]
    public async Task A_refusal_message_is_in_Nynorsk_for_a_parent_who_chose_Nynorsk()
    {
        var client = App.NewClient();
        client.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dnn-NO%7Cuic%3Dnn-NO");
        var (response, page) = await client.GetAsync("/innlogging/foresatt?feil=sikkerhetsniva");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tryggleiksnivå", page.QuerySelector("#idporten-refused")!.TextContent, StringComparison.Ordinal);

        // An unknown code shows nothing.
        var (_, unknown) = await App.NewClient().GetAsync("/innlogging/foresatt?feil=%3Cscript%3E");
        Assert.Null(unknown.QuerySelector("#idporten-refused"));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_ID_porten()
    {
        Provider.SessionId = "idporten-session-rp-logout";
        var client = App.NewClient();
        var signedIn = await client.Http.GetAsync(new Uri(await StartAndAuthorizeAsync(client), UriKind.Relative));
        var copy = CopiedCookies(signedIn);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/mine-saker")).StatusCode);

        var (_, mine) = await client.GetAsync("/mine-saker");
        var (signOut, _) = await client.SubmitAsync(mine, "form[action='/utlogging']", new Dictionary<string, string>());

        // Off to ID-porten's end-session endpoint with the id_token as hint and our signed-out callback.
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.Equal(Provider.Issuer + "/endsession", endSession.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(endSession.Query);
        Assert.Equal("http://localhost/signout-callback-idporten", query["post_logout_redirect_uri"].ToString());
        Assert.Equal(3, query["id_token_hint"].ToString().Split('.').Length);

        // ID-porten sends the parent back; the callback lands on the signed-out page.
        var back = await IdPortenTestProvider.AuthorizeAsync(endSession);
        var callback = await client.Http.GetAsync(new Uri(back, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/utlogging", callback.Headers.Location!.OriginalString);

        // The copy of the cookie opens nothing any more.
        var replay = await ReplayAsync(copy, "/mine-saker");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", replay.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_out_form_may_lead_on_to_ID_porten_s_end_session_endpoint()
    {
        // Browsers hold the redirect after a form's POST to the page's CSP form-action: without ID-porten's origin there,
        // the sign-out form's redirect to the end-session endpoint would be blocked and the ID-porten session left open.
        var signedOut = await App.NewClient().Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("form-action 'self';", signedOut.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var client = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri(await StartAndAuthorizeAsync(client), UriKind.Relative))).StatusCode);
        var (mine, page) = await client.GetAsync("/mine-saker");
        Assert.NotNull(page.QuerySelector("form[action='/utlogging']"));
        var policy = mine.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' " + Provider.Issuer + ";", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Front_channel_logout_from_ID_porten_ends_the_server_side_session()
    {
        Provider.SessionId = "idporten-session-front-channel";
        var client = App.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync(new Uri(await StartAndAuthorizeAsync(client), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative))).StatusCode);

        // Another issuer cannot end it.
        var frame = App.NewClient(); // ID-porten's hidden frame: cross-site, so without the parent's Lax cookie
        var forged = await frame.Http.GetAsync(new Uri("/logout-idporten?iss=https%3A%2F%2Fevil.example&sid=idporten-session-front-channel", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative))).StatusCode);

        var logout = await frame.Http.GetAsync(new Uri(
            "/logout-idporten?iss=" + Uri.EscapeDataString(Provider.Issuer) + "&sid=idporten-session-front-channel", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Contains("no-store", logout.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.False(logout.Headers.Contains("X-Frame-Options"));
        Assert.EndsWith("frame-ancestors " + Provider.Issuer, logout.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var after = await client.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", after.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("idporten-loa-substantial", "idporten-loa-substantial", true)]
    [InlineData("idporten-loa-substantial", "idporten-loa-high", true)]
    [InlineData("idporten-loa-high", "idporten-loa-substantial", false)]
    [InlineData("idporten-loa-high", "idporten-loa-high", true)]
    [InlineData("idporten-loa-substantial", "idporten-loa-low", false)]
    [InlineData("idporten-loa-substantial", null, false)]
    public void The_security_level_used_must_be_at_least_the_one_required(string required, string? used, bool accepted) =>
        Assert.Equal(accepted, IdPortenSecurityLevels.Meets(used, required));

    /// <summary>The parent's browser: the app's sign-in page starts the challenge, ID-porten answers; returns the callback on the app.</summary>
    private static async Task<string> StartAndAuthorizeAsync(PageClient client)
    {
        var challenge = await client.Http.GetAsync(new Uri("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        return await IdPortenTestProvider.AuthorizeAsync(challenge.Headers.Location!);
    }

    /// <summary>A nonce the app issued to an earlier sign-in that was completed.</summary>
    private async Task<string> EarlierNonceAsync()
    {
        var earlier = App.NewClient();
        var callback = await StartAndAuthorizeAsync(earlier);
        var nonce = Provider.Nonces[^1];
        Assert.Equal(HttpStatusCode.Redirect, (await earlier.Http.GetAsync(new Uri(callback, UriKind.Relative))).StatusCode);
        return nonce;
    }

    private static async Task AssertRefusedAsync(PageClient client, HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/innlogging/foresatt?feil=" + code, response.Headers.Location!.OriginalString);
        var (page, document) = await client.FollowAsync(response);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var message = document.QuerySelector("#idporten-refused")!.TextContent;
        Assert.Contains("ikke logget inn", message, StringComparison.Ordinal);

        var mine = await client.Http.GetAsync(new Uri("/mine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", mine.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    /// <summary>The cookies a response set, as an attacker who copied them would send them ("name=value; …").</summary>
    private static string CopiedCookies(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var setCookies), "The sign-in set no cookie.");
        return string.Join("; ", setCookies!.Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')));
    }

    /// <summary>A GET from another client that knows nothing but the copied cookies.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookies, string path)
    {
        using var other = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        return await other.SendAsync(request);
    }

    private async Task<int> CitizenSignInsAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.CountAsync(a => a.Action == "SignIn" && a.ActorKind == "Citizen");
    }

    private string PseudonymOf(string personIdentifier)
    {
        using var scope = App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(personIdentifier);
    }
}
