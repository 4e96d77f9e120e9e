using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// Issue 10, item 3: a cookie copied before sign-out (or before a password change, or before the account was
/// disabled) opens nothing afterwards: the session is ended on the server, in PostgreSQL, for every web node.
/// </summary>
public sealed class SessionEndTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_staff_cookie_copied_before_sign_out_no_longer_opens_the_work_queue()
    {
        var client = app.NewClient();
        var signIn = await StaffSignInTests.SignInAsync(client, "saksbehandler.melhus@demo.skoleskyss.no", DemoDataSeeder.DemoPassword);
        var copy = CopiedCookies(signIn);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/ansatt/saker")).StatusCode);

        var (_, home) = await client.GetAsync("/ansatt");
        var (signedOut, _) = await client.SubmitAsync(home, "form[action='/utlogging']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replay = await ReplayAsync(copy, "/ansatt/saker");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", replay.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parent_cookie_copied_before_sign_out_no_longer_opens_Mine_saker()
    {
        var client = app.NewClient();
        var (_, testId) = await client.GetAsync("/innlogging/testid");
        var (signIn, _) = await client.SubmitAsync(testId, "form:not([action])", new Dictionary<string, string>
        {
            ["Input.NationalIdentityNumber"] = "12838510068",
            ["Input.Name"] = "Kari Nordmann",
        });
        var copy = CopiedCookies(signIn);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/mine-saker")).StatusCode);

        var (_, mine) = await client.GetAsync("/mine-saker");
        var (signedOut, _) = await client.SubmitAsync(mine, "form[action='/utlogging']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replay = await ReplayAsync(copy, "/mine-saker");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/innlogging/foresatt", replay.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabling_a_staff_account_ends_its_sessions_at_once()
    {
        const string Email = "admin.melhus@demo.skoleskyss.no";
        var copy = CopiedCookies(await StaffSignInTests.SignInAsync(app.NewClient(), Email, DemoDataSeeder.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/ansatt")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded);
        }

        var replay = await ReplayAsync(copy, "/ansatt");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/innlogging/ansatt", replay.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        // And the account cannot sign in again, with the same answer as a wrong password.
        var client = app.NewClient();
        var (_, login) = await client.GetAsync("/innlogging/ansatt");
        var (again, page) = await client.SubmitAsync(login, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = Email,
            ["Input.Password"] = DemoDataSeeder.DemoPassword,
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("E-postadressen eller passordet er feil.", page.QuerySelector(".ds-error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_sessions_signed_in_with_the_old_one()
    {
        const string Email = "klage.vestland@demo.skoleskyss.no";
        var copy = CopiedCookies(await StaffSignInTests.SignInAsync(app.NewClient(), Email, DemoDataSeeder.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/ansatt")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(Email))!;
            Assert.True((await users.ChangePasswordAsync(user, DemoDataSeeder.DemoPassword, "Nytt-passord-for-klage-2026!")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ReplayAsync(copy, "/ansatt")).StatusCode);
        var fresh = await StaffSignInTests.SignInAsync(app.NewClient(), Email, "Nytt-passord-for-klage-2026!");
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(CopiedCookies(fresh), "/ansatt")).StatusCode);
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
        using var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        return await other.SendAsync(request);
    }
}
