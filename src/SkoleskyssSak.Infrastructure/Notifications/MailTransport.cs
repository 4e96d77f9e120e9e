using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>Hands one mail to SMTP, or writes it to the pickup folder when one is configured.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// MailKit: SMTP with the TLS mode of <see cref="OutboxOptions.SmtpSecurity"/> (None, StartTls, SslOnConnect), the
/// server's certificate checked (chain, name, revocation; an untrusted issuer tolerated only with
/// <see cref="OutboxOptions.SmtpAllowUntrustedCertificate"/>, outside Production), and credentials from configuration; or, with <see cref="OutboxOptions.PickupDirectory"/>,
/// one .eml file per mail (Development and tests). UTF-8 text, quoted-printable, encoded-word headers.
/// </summary>
public sealed class SmtpMailTransport(IOptions<OutboxOptions> options) : IMailTransport
{
    /// <summary>Headers on one line where they fit (RFC 5322 allows 998), so that a subject is not folded mid-word.</summary>
    private static readonly FormatOptions Format = CreateFormat();

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var mail = Compose(message, settings.From);
        if (!string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            var folder = Path.GetFullPath(settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            // Written under a temporary name and then renamed, so that a reader of the folder never sees half a mail.
            var name = Guid.NewGuid().ToString("N");
            var partial = Path.Combine(folder, name + ".partial");
            await using (var file = File.Create(partial))
            {
                await mail.WriteToAsync(Format, file, cancellationToken);
            }

            File.Move(partial, Path.Combine(folder, name + ".eml"));
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            throw new InvalidOperationException("Email:SmtpHost (or Email:PickupDirectory) is not configured.");
        }

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds).TotalMilliseconds };
        if (settings.SmtpAllowUntrustedCertificate)
        {
            // Only an unknown issuer (a self-signed test relay) is tolerated; the name must still match.
            client.ServerCertificateValidationCallback = (_, _, _, errors) =>
                (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) == System.Net.Security.SslPolicyErrors.None;
        }

        await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, SocketOptions(settings.SmtpSecurity), cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(Format, mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The mail of one outbox message: plain UTF-8 text, its outbox id in <c>X-Skoleskyss-Message</c>.</summary>
    public static MimeMessage Compose(OutboxMessage message, string from)
    {
        var body = new TextPart(TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        body.SetText(System.Text.Encoding.UTF8, message.Body);
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Body = body,
            Date = message.CreatedAt == default ? DateTimeOffset.UtcNow : message.CreatedAt,
        };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        mail.Headers.Add("X-Skoleskyss-Message", message.Id.ToString(CultureInfo.InvariantCulture));
        return mail;
    }

    public static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Email:SmtpSecurity must be None, StartTls or SslOnConnect."),
    };

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.MaxLineLength = 998;
        format.International = false;
        format.NewLineFormat = NewLineFormat.Dos; // CRLF, as RFC 5322 wants, also in pickup files (the default follows the OS)
        return format;
    }
}
