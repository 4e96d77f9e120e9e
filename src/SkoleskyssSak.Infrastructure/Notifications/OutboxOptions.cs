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

    public bool SmtpStartTls { get; set; } = true;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public int PollSeconds { get; set; } = 5;

    public int BatchSize { get; set; } = 20;

    public int MaxAttempts { get; set; } = 8;

    /// <summary>Whether this instance runs the dispatcher (all instances may; SKIP LOCKED keeps them apart).</summary>
    public bool DispatcherEnabled { get; set; } = true;
}
