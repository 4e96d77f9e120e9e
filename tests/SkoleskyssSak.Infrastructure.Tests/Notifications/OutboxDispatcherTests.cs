using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Notifications;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Notifications;

/// <summary>The outbox: notifications commit with their change and are sent once, even with several dispatchers.</summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), "ssk-outbox-" + Guid.NewGuid().ToString("N")[..10]);
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(nameof(OutboxDispatcherTests));
        services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<AppDbContext>(o => o.UseNpgsql(connectionString))
            .AddSingleton(TimeProvider.System)
            .AddScoped<INotificationOutbox, NotificationOutbox>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }

    private OutboxDispatcher Dispatcher(IMailTransport? transport = null, int maxAttempts = 8) =>
        new(
            services.GetRequiredService<IServiceScopeFactory>(),
            transport ?? new SmtpMailTransport(Options.Create(new OutboxOptions { PickupDirectory = mailFolder })),
            Options.Create(new OutboxOptions { PickupDirectory = mailFolder, BatchSize = 7, MaxAttempts = maxAttempts, PollSeconds = 1 }),
            TimeProvider.System,
            NullLogger<OutboxDispatcher>.Instance);

    private async Task EnqueueAsync(int count, string subject = "Søknaden er mottatt")
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue(new Notification($"foresatt{i}@example.no", $"{subject} {i}", "Saksnummer 2026/00042. Æ ø å.", "ApplicationReceived"));
        }

        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private string[] Mails() => Directory.Exists(mailFolder) ? Directory.GetFiles(mailFolder, "*.eml") : [];

    [Fact]
    public async Task Queued_notifications_are_sent_once_as_mail()
    {
        await EnqueueAsync(3);
        var dispatcher = Dispatcher();
        Assert.Equal(3, await dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        var mails = Mails().Select(File.ReadAllText).ToList();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Contains("foresatt", m, StringComparison.Ordinal));
        await using var scope = services.CreateAsyncScope();
        Assert.All(await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ToListAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task Nothing_is_queued_when_the_change_is_not_saved()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<INotificationOutbox>().Enqueue(new Notification("a@example.no", "x", "y", "Test"));
            // no SaveChanges: the unit of work is abandoned
        }

        Assert.Equal(0, await Dispatcher().DispatchOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Several_dispatchers_at_once_never_send_a_message_twice()
    {
        await EnqueueAsync(40);
        var dispatchers = Enumerable.Range(0, 4).Select(_ => Dispatcher()).ToList();
        var sent = 0;
        for (var round = 0; round < 10 && sent < 40; round++)
        {
            var results = await Task.WhenAll(dispatchers.Select(d => d.DispatchOnceAsync(CancellationToken.None)));
            sent += results.Sum();
        }

        Assert.Equal(40, sent);
        Assert.Equal(40, Mails().Length);
        var subjects = Mails().Select(f => File.ReadAllLines(f).First(l => l.StartsWith("Subject:", StringComparison.Ordinal))).ToList();
        Assert.Equal(subjects.Count, subjects.Distinct().Count());
    }

    [Fact]
    public async Task A_failing_send_is_retried_later_and_given_up_after_the_last_attempt()
    {
        await EnqueueAsync(1);
        var failing = new FailingTransport();
        var dispatcher = Dispatcher(failing, maxAttempts: 2);
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));

        await using (var scope = services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.SingleAsync();
            Assert.Equal(1, message.Attempts);
            Assert.Null(message.FailedAt);
            Assert.True(message.NextAttemptAt > DateTimeOffset.UtcNow);
            Assert.Contains("SMTP nede", message.LastError, StringComparison.Ordinal);

            // Not due yet: the next run leaves it alone.
            Assert.Equal(0, await dispatcher.DispatchOnceAsync(CancellationToken.None));
            Assert.Equal(1, failing.Calls);

            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.ExecuteSqlRawAsync("UPDATE outbox_messages SET next_attempt_at = now() - interval '1 second'");
        }

        await dispatcher.DispatchOnceAsync(CancellationToken.None);
        await using var check = services.CreateAsyncScope();
        var given = await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.SingleAsync();
        Assert.Equal(2, given.Attempts);
        Assert.NotNull(given.FailedAt);
        Assert.Null(given.SentAt);
    }

    private sealed class FailingTransport : IMailTransport
    {
        public int Calls { get; private set; }

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Calls++;
            throw new InvalidOperationException("SMTP nede");
        }
    }
}
