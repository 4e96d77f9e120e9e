namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>Configuration section "Email".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Email";

    /// <summary>Sender address of every notification.</summary>
    public string From { get; set; } = "ikke-svar@skoleskyss.kommune.no";

    /// <summary>
    /// The service's public address, the base of links in e-mails (e.g. https://skoleskyss.kommune.no). Required with
    /// SMTP; with only a pickup directory it defaults to the local development address.
    /// </summary>
    public string ServiceUrl { get; set; } = string.Empty;

    public const string DevelopmentServiceUrl = "http://localhost:5080";

    /// <summary>When set, mails are written as .eml files here instead of sent (Development and tests).</summary>
    public string? PickupDirectory { get; set; }

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>TLS towards the mail server: StartTls (default; port 587), SslOnConnect (port 465) or None (a relay on a trusted network only).</summary>
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// Accept a server certificate from an issuer that is not trusted (a self-signed test relay); the host name must
    /// still match. Off by default, and refused in Production at start-up.
    /// </summary>
    public bool SmtpAllowUntrustedCertificate { get; set; }

    /// <summary>The old switch, replaced by <see cref="SmtpSecurity"/>; a configuration that still sets it is refused at start-up.</summary>
    public bool? SmtpStartTls { get; set; }

    /// <summary>How long one SMTP operation (connect, authenticate, send) may take before the attempt fails.</summary>
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long a claimed batch belongs to the dispatcher that claimed it (sending happens outside any transaction).
    /// A dispatcher that dies mid-batch leaves the rest to be claimed again after this: at-least-once.
    /// </summary>
    public int ClaimSeconds { get; set; } = 300;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public int PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 20;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>Whether this instance runs the dispatcher (all instances may; SKIP LOCKED keeps them apart).</summary>
    public bool DispatcherEnabled { get; set; } = true;
}

/// <summary>How the SMTP connection is secured (configuration Email:SmtpSecurity).</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
