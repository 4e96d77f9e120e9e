using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Tests;

/// <summary>ID-porten: authorization code flow with PKCE; the person identifier comes from the id_token.</summary>
public sealed class IdPortenTests
{
    private static readonly IdPortenOptions Options = new() { Issuer = "https://test.idporten.no", ClientId = "skoleskyss" };
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static string Token(object payload)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{B64("{\"alg\":\"RS256\"}")}.{B64(JsonSerializer.Serialize(payload))}.signature";
    }

    [Fact]
    public void The_person_identifier_is_read_from_a_valid_id_token()
    {
        var token = Token(new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068", name = "Kari Nordmann", acr = "idporten-loa-substantial" });
        var person = IdPortenTokenReader.Read(token, Options, Now);
        Assert.Equal("12838510068", person.PersonIdentifier);
        Assert.Equal("Kari Nordmann", person.Name);
    }

    public static TheoryData<string, object> Rejected => new()
    {
        { "another issuer", new { iss = "https://evil.example", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068", acr = "idporten-loa-substantial" } },
        { "another audience", new { iss = "https://test.idporten.no", aud = "other", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068", acr = "idporten-loa-substantial" } },
        { "expired", new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(-10).ToUnixTimeSeconds(), pid = "12838510068", acr = "idporten-loa-substantial" } },
        { "no pid", new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), acr = "idporten-loa-substantial" } },
        { "security level too low", new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068", acr = "idporten-loa-low" } },
        { "no security level", new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068" } },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void An_id_token_that_is_not_for_us_is_rejected(string why, object payload)
    {
        var error = Assert.Throws<InvalidOperationException>(() => IdPortenTokenReader.Read(Token(payload), Options, Now));
        Assert.False(string.IsNullOrEmpty(error.Message), why);
        Assert.DoesNotContain("12838510068", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("idporten-loa-substantial", "idporten-loa-substantial", true)]
    [InlineData("idporten-loa-substantial", "idporten-loa-high", true)]
    [InlineData("idporten-loa-high", "idporten-loa-substantial", false)]
    [InlineData("idporten-loa-high", "idporten-loa-high", true)]
    public void The_security_level_used_must_be_at_least_the_one_required(string required, string used, bool accepted)
    {
        var options = new IdPortenOptions { Issuer = Options.Issuer, ClientId = Options.ClientId, AcrValues = required };
        var token = Token(new { iss = "https://test.idporten.no", aud = "skoleskyss", exp = Now.AddMinutes(5).ToUnixTimeSeconds(), pid = "12838510068", acr = used });
        var read = Record.Exception(() => IdPortenTokenReader.Read(token, options, Now));
        Assert.Equal(accepted, read is null);
    }

    [Fact]
    public async Task Sign_in_redirects_to_ID_porten_with_PKCE_and_security_level()
    {
        await using var app = new AppFixture();
        await app.InitializeAsync();
        app.Settings["IdPorten:Mode"] = "IdPorten";
        app.Settings["IdPorten:ClientId"] = "skoleskyss";
        app.Settings["IdPorten:ClientSecret"] = "secret";
        app.Settings["IdPorten:AuthorizationEndpoint"] = "https://login.test.idporten.no/authorize";
        var client = app.NewClient();

        // TestID is gone when ID-porten is configured.
        var testId = await client.Http.GetAsync(new Uri("/innlogging/testid", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, testId.StatusCode);

        var response = await client.Http.GetAsync(new Uri("/innlogging/foresatt?start=true&returnUrl=%2Fmine-saker", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("login.test.idporten.no", location.Host);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("skoleskyss", query["client_id"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.False(string.IsNullOrEmpty(query["code_challenge"].ToString()));
        Assert.Equal("idporten-loa-substantial", query["acr_values"].ToString());
        Assert.Contains("openid", query["scope"].ToString(), StringComparison.Ordinal);
    }
}
