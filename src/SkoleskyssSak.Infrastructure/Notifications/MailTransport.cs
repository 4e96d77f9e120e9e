using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>Hands one mail to SMTP, or writes it to the pickup folder when one is configured.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// System.Net.Mail: SMTP with STARTTLS and credentials from configuration, or the framework's pickup-directory
/// delivery (one .eml file per mail) for Development and tests.
/// </summary>
public sealed class SmtpMailTransport(IOptions<OutboxOptions> options) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var mail = new MailMessage(settings.From, message.Recipient, message.Subject, message.Body)
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        mail.Headers.Add("X-Skoleskyss-Message", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = Client(settings);
        await client.SendMailAsync(mail, cancellationToken);
    }

    private static SmtpClient Client(OutboxOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.GetFullPath(settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = folder };
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            throw new InvalidOperationException("Email:SmtpHost (or Email:PickupDirectory) is not configured.");
        }

        return new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpStartTls,
            Credentials = settings.SmtpUser is null ? null : new NetworkCredential(settings.SmtpUser, settings.SmtpPassword),
        };
    }
}
