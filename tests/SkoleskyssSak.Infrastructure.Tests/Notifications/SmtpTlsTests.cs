using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;
using SkoleskyssSak.Infrastructure.Notifications;

namespace SkoleskyssSak.Infrastructure.Tests.Notifications;

/// <summary>
/// The TLS modes of Email:SmtpSecurity against a real TLS server in the test process (a small SMTP server behind
/// <see cref="SslStream"/> with a self-signed certificate for "localhost"): the certificate is checked by default, an
/// untrusted issuer is accepted only with Email:SmtpAllowUntrustedCertificate and never with a wrong host name, and
/// with StartTls the mail goes only after the upgrade.
/// </summary>
public sealed class SmtpTlsTests
{
    private static OutboxMessage Message() => new()
    {
        Id = 42,
        Recipient = "kari.nordmann@example.no",
        Subject = "Vedtak i sak 2026/00042 – særleg farleg skoleveg",
        Body = "Hei!\nDe har fått skyss. Æ ø å.",
        Kind = "DecisionMade",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static SmtpMailTransport Transport(int port, SmtpSecurity security, bool allowUntrusted, string host = "localhost") =>
        new(Microsoft.Extensions.Options.Options.Create(new OutboxOptions
        {
            From = "ikkje-svar@sunnfjord.kommune.no",
            SmtpHost = host,
            SmtpPort = port,
            SmtpSecurity = security,
            SmtpAllowUntrustedCertificate = allowUntrusted,
            SmtpTimeoutSeconds = 5,
        }));

    [Theory]
    [InlineData(SmtpSecurity.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task A_server_certificate_from_an_untrusted_issuer_is_refused_by_default(SmtpSecurity security)
    {
        using var server = new TlsSmtpServer(security);

        var error = await Record.ExceptionAsync(() => Transport(server.Port, security, allowUntrusted: false).SendAsync(Message(), CancellationToken.None));

        Assert.IsType<MailKit.Security.SslHandshakeException>(error);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(SmtpSecurity.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls)]
    public async Task With_an_untrusted_issuer_allowed_the_mail_goes_encrypted_with_its_UTF8_text(SmtpSecurity security)
    {
        using var server = new TlsSmtpServer(security);

        await Transport(server.Port, security, allowUntrusted: true).SendAsync(Message(), CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.True(received.Encrypted);
        using var mail = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(received.Data)));
        Assert.Equal("Vedtak i sak 2026/00042 – særleg farleg skoleveg", mail.Subject);
        Assert.Equal("42", mail.Headers["X-Skoleskyss-Message"]);
        Assert.Equal("Hei!\nDe har fått skyss. Æ ø å.", (mail.TextBody ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    [Fact]
    public async Task Allowing_an_untrusted_issuer_still_refuses_a_certificate_for_another_host_name()
    {
        using var server = new TlsSmtpServer(SmtpSecurity.SslOnConnect, certificateName: "smtp.annan-kommune.example");

        var error = await Record.ExceptionAsync(() => Transport(server.Port, SmtpSecurity.SslOnConnect, allowUntrusted: true).SendAsync(Message(), CancellationToken.None));

        Assert.IsType<MailKit.Security.SslHandshakeException>(error);
        Assert.Empty(server.Received);
    }

    internal sealed record ReceivedMail(string Data, bool Encrypted);

    /// <summary>
    /// Just enough SMTP (RFC 5321) for one client at a time: TLS from the first byte (SslOnConnect) or after STARTTLS
    /// (RFC 3207), which it then requires before MAIL; it accepts every mail and keeps what it received.
    /// </summary>
    private sealed class TlsSmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();
        private readonly X509Certificate2 certificate;
        private readonly SmtpSecurity security;
        private readonly List<ReceivedMail> received = [];

        public TlsSmtpServer(SmtpSecurity security, string certificateName = "localhost")
        {
            this.security = security;
            certificate = SelfSigned(certificateName);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _ = Task.Run(AcceptAsync);
        }

        public int Port { get; }

        public IReadOnlyList<ReceivedMail> Received
        {
            get
            {
                lock (received)
                {
                    return received.ToList();
                }
            }
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            certificate.Dispose();
            stop.Dispose();
        }

        private static X509Certificate2 SelfSigned(string name)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(name);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        }

        private async Task AcceptAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync(stop.Token);
                    await ServeAsync(client.GetStream());
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception ex) when (ex is IOException or SocketException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
                {
                    // The client gave up (e.g. it refused the certificate): wait for the next one.
                }
            }
        }

        private async Task<SslStream> UpgradeAsync(Stream stream)
        {
            var tls = new SslStream(stream, leaveInnerStreamOpen: true);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, stop.Token);
            return tls;
        }

        private async Task ServeAsync(NetworkStream network)
        {
            Stream stream = security == SmtpSecurity.SslOnConnect ? await UpgradeAsync(network) : network;
            var encrypted = security == SmtpSecurity.SslOnConnect;
            var reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), stop.Token);

            await Reply("220 localhost ESMTP test");
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await Reply(encrypted ? "250-localhost\r\n250 8BITMIME" : "250-localhost\r\n250 STARTTLS");
                        break;
                    case "STARTTLS" when !encrypted:
                        await Reply("220 2.0.0 Ready to start TLS");
                        stream = await UpgradeAsync(network);
                        encrypted = true;
                        reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
                        break;
                    case "MAIL" when !encrypted:
                        await Reply("530 5.7.0 Must issue a STARTTLS command first");
                        break;
                    case "MAIL" or "RCPT" or "RSET" or "NOOP":
                        await Reply("250 2.0.0 OK");
                        break;
                    case "DATA":
                        await Reply("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        lock (received)
                        {
                            received.Add(new ReceivedMail(data.ToString(), encrypted));
                        }

                        await Reply("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await Reply("221 2.0.0 Bye");
                        return;
                    default:
                        await Reply("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
    }
}
