using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
using Npgsql;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Notifications;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Notifications;

/// <summary>
/// The outbox over real SMTP (MailKit against netDumbster, an SMTP server in the test process): messages arrive with
/// their headers and UTF-8 Norwegian text; a server that is down or refuses leads to a retry with back-off; no row lock
/// is held while the mail server is talked to, and a claimed message is not taken by a second dispatcher meanwhile.
/// </summary>
public sealed class SmtpOutboxTests : IAsyncLifetime
{
    private const string Subject = "Søknaden er mottatt – sak 2026/00042";
    private const string Body = "Hei!\nVi har motteke søknaden om skyss for særleg farleg skoleveg. Æ ø å, Ææ Øø Åå.";
    private string connectionString = string.Empty;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync(nameof(SmtpOutboxTests));
        services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<AppDbContext>(o => o.UseNpgsql(connectionString))
            .AddSingleton(TimeProvider.System)
            .AddScoped<INotificationOutbox, NotificationOutbox>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static OutboxOptions Smtp(int port, SmtpSecurity security = SmtpSecurity.None) => new()
    {
        From = "ikkje-svar@sunnfjord.kommune.no",
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpSecurity = security,
        SmtpTimeoutSeconds = 5,
        BatchSize = 10,
        PollSeconds = 3,
        MaxAttempts = 5,
    };

    private OutboxDispatcher Dispatcher(OutboxOptions settings, IMailTransport? transport = null) =>
        new(
            services.GetRequiredService<IServiceScopeFactory>(),
            transport ?? new SmtpMailTransport(Options.Create(settings)),
            Options.Create(settings),
            TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);

    private async Task EnqueueAsync(string recipient = "kari.nordmann@example.no")
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<INotificationOutbox>().Enqueue(new Notification(recipient, Subject, Body, "ApplicationReceived"));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private async Task<OutboxMessage> SingleMessageAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
    }

    private async Task MakeDueAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'");
    }

    [Fact]
    public async Task A_mail_arrives_at_the_SMTP_server_with_its_headers_and_Norwegian_text_in_UTF8()
    {
        using var server = SimpleSmtpServer.Start();
        await EnqueueAsync();

        Assert.Equal(1, await Dispatcher(Smtp(server.Configuration.Port)).DispatchOnceAsync(CancellationToken.None));

        var received = Assert.Single(server.ReceivedEmail);
        Assert.Equal("kari.nordmann@example.no", Assert.Single(received.ToAddresses).Address);
        using var mail = MimeMessage.Load(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(received.Data)));
        Assert.Equal(Subject, mail.Subject);
        Assert.Equal("ikkje-svar@sunnfjord.kommune.no", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("kari.nordmann@example.no", Assert.Single(mail.To.Mailboxes).Address);
        var message = await SingleMessageAsync();
        Assert.Equal(message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), mail.Headers["X-Skoleskyss-Message"]);
        var text = Assert.IsType<TextPart>(mail.Body);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Equal(Body, text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        Assert.All(received.Data.Split("\r\n"), line => Assert.True(line.All(c => c < 128), "not 7-bit: " + line)); // encoded, not raw 8-bit
        Assert.NotNull(message.SentAt);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public async Task A_pickup_file_is_a_standard_eml_with_CRLF_lines_and_the_Norwegian_text_intact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ssk-pickup-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var settings = Smtp(FreePort());
            settings.PickupDirectory = folder;
            await EnqueueAsync();

            Assert.Equal(1, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None));

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            var raw = await File.ReadAllTextAsync(file);
            Assert.Contains("\r\n\r\n", raw, StringComparison.Ordinal); // headers end with an empty CRLF line
            Assert.DoesNotContain(raw.Replace("\r\n", string.Empty, StringComparison.Ordinal), c => c == '\n' || c == '\r');
            using var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal(Subject, mail.Subject);
            Assert.Equal(Body, (mail.TextBody ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_server_that_is_down_means_a_retry_with_back_off_and_the_mail_goes_when_it_is_back()
    {
        var port = FreePort();
        await EnqueueAsync();
        var settings = Smtp(port);
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(0, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None));

        var failed = await SingleMessageAsync();
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.Null(failed.FailedAt);
        Assert.NotNull(failed.LastError);
        Assert.InRange(failed.NextAttemptAt, before.AddSeconds(2 * settings.PollSeconds - 1), DateTimeOffset.UtcNow.AddSeconds(2 * settings.PollSeconds + 1));
        Assert.Equal(0, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None)); // not due yet

        using var server = SimpleSmtpServer.Start(port);
        await MakeDueAsync();
        Assert.Equal(1, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None));
        Assert.Single(server.ReceivedEmail);
        Assert.NotNull((await SingleMessageAsync()).SentAt);
    }

    [Fact]
    public async Task A_server_that_refuses_means_a_retry_with_back_off_and_then_giving_up()
    {
        using var refusing = new RefusingSmtpServer();
        await EnqueueAsync();
        var settings = Smtp(refusing.Port);
        settings.MaxAttempts = 2;

        Assert.Equal(0, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None));
        var first = await SingleMessageAsync();
        Assert.Equal(1, first.Attempts);
        Assert.True(first.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Contains("SmtpCommandException: 5.3.2 No SMTP service here", first.LastError, StringComparison.Ordinal);

        await MakeDueAsync();
        Assert.Equal(0, await Dispatcher(settings).DispatchOnceAsync(CancellationToken.None));
        var given = await SingleMessageAsync();
        Assert.Equal(2, given.Attempts);
        Assert.NotNull(given.FailedAt);
        Assert.Null(given.SentAt);
    }

    [Fact]
    public async Task StartTls_is_required_by_default_so_a_server_without_it_gets_no_plain_text_mail()
    {
        using var server = SimpleSmtpServer.Start(); // offers no STARTTLS
        await EnqueueAsync();
        Assert.Equal(SmtpSecurity.StartTls, new OutboxOptions().SmtpSecurity);

        Assert.Equal(0, await Dispatcher(Smtp(server.Configuration.Port, new OutboxOptions().SmtpSecurity)).DispatchOnceAsync(CancellationToken.None));

        Assert.Empty(server.ReceivedEmail);
        Assert.Equal(1, (await SingleMessageAsync()).Attempts);
    }

    [Fact]
    public async Task No_row_lock_is_held_while_the_mail_server_is_talked_to_and_a_second_dispatcher_takes_nothing()
    {
        using var server = SimpleSmtpServer.Start();
        await EnqueueAsync();
        var settings = Smtp(server.Configuration.Port);
        var probe = new LockProbe(connectionString, new SmtpMailTransport(Options.Create(settings)), () => Dispatcher(settings));

        Assert.Equal(1, await Dispatcher(settings, probe).DispatchOnceAsync(CancellationToken.None));

        Assert.True(probe.RowWasFree, probe.LockError);
        Assert.Equal(0, probe.SecondDispatcherSent);
        Assert.Single(server.ReceivedEmail);
        Assert.NotNull((await SingleMessageAsync()).SentAt);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>While the mail is handed over: can another session lock the row (NOWAIT), and does a second dispatcher find it?</summary>
    private sealed class LockProbe(string connectionString, IMailTransport inner, Func<OutboxDispatcher> second) : IMailTransport
    {
        public bool RowWasFree { get; private set; }

        public string? LockError { get; private set; }

        public int SecondDispatcherSent { get; private set; } = -1;

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT id FROM outbox_messages WHERE id = @id FOR UPDATE NOWAIT", connection, transaction);
                command.Parameters.AddWithValue("id", message.Id);
                try
                {
                    await command.ExecuteScalarAsync(cancellationToken);
                    RowWasFree = true;
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
                {
                    LockError = "The outbox row was locked while sending: " + ex.MessageText;
                }

                await transaction.RollbackAsync(cancellationToken);
            }

            SecondDispatcherSent = await second().DispatchOnceAsync(cancellationToken);
            await inner.SendAsync(message, cancellationToken);
        }
    }

    /// <summary>An SMTP server that answers every connection with 554 (RFC 5321 § 3.1: no service here) and closes it.</summary>
    private sealed class RefusingSmtpServer : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new();

        public RefusingSmtpServer()
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var client = await listener.AcceptTcpClientAsync(stop.Token);
                        var greeting = "554 5.3.2 No SMTP service here\r\n"u8.ToArray();
                        await client.GetStream().WriteAsync(greeting, stop.Token);
                        await Task.Delay(200, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (SocketException)
                    {
                    }
                    catch (IOException)
                    {
                    }
                }
            });
        }

        public int Port { get; }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            stop.Dispose();
        }
    }
}
