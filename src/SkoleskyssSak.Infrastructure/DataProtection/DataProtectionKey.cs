namespace SkoleskyssSak.Infrastructure.DataProtection;

/// <summary>
/// A data-protection key ring element. Kept in PostgreSQL so that every web instance behind a load balancer
/// reads the same keys (cookies and antiforgery tokens survive restarts and work across nodes).
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore is not on the package mirror; this is its equivalent.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
