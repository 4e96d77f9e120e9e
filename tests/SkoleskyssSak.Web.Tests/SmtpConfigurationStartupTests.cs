namespace SkoleskyssSak.Web.Tests;

/// <summary>
/// The SMTP/TLS settings (Email:SmtpSecurity, Email:SmtpAllowUntrustedCertificate) are checked at start-up: a
/// configuration that would send mail less safely than it says is refused with a message naming the key.
/// </summary>
public sealed class SmtpConfigurationStartupTests
{
    private static async Task<Exception?> StartProductionAsync(Action<AppFixture> configure)
    {
        await using var app = await AppFixture.ProductionAsync();
        app.Settings["Email:PickupDirectory"] = "";
        app.Settings["Email:SmtpHost"] = "smtp.kommune.example";
        app.Settings["Email:ServiceUrl"] = "https://skoleskyss.kommune.example";
        configure(app);
        return await Record.ExceptionAsync(() => Task.FromResult(app.CreateClient()));
    }

    [Fact]
    public async Task An_SMTP_configuration_with_the_default_StartTls_starts_in_production()
    {
        var error = await StartProductionAsync(_ => { });
        Assert.Null(error);
    }

    [Fact]
    public async Task Accepting_an_untrusted_mail_server_certificate_is_refused_in_production()
    {
        var error = await StartProductionAsync(app => app.Settings["Email:SmtpAllowUntrustedCertificate"] = "true");
        Assert.NotNull(error);
        Assert.Contains("Email:SmtpAllowUntrustedCertificate is refused in Production", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_SmtpStartTls_switch_is_refused_with_a_pointer_to_SmtpSecurity()
    {
        var error = await StartProductionAsync(app => app.Settings["Email:SmtpStartTls"] = "false");
        Assert.NotNull(error);
        Assert.Contains("Email:SmtpStartTls is replaced by Email:SmtpSecurity", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_too_short_for_one_SMTP_timeout_is_refused_so_the_outbox_never_stalls()
    {
        var error = await StartProductionAsync(app =>
        {
            app.Settings["Email:ClaimSeconds"] = "60";
            app.Settings["Email:SmtpTimeoutSeconds"] = "30";
        });
        Assert.NotNull(error);
        Assert.Contains("Email:ClaimSeconds must be at least 4 × Email:SmtpTimeoutSeconds", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_SmtpSecurity_mode_is_refused_naming_the_key()
    {
        var error = await StartProductionAsync(app => app.Settings["Email:SmtpSecurity"] = "Tls");
        Assert.NotNull(error);
        Assert.Contains("Email:SmtpSecurity", error.ToString(), StringComparison.Ordinal);
    }
}
