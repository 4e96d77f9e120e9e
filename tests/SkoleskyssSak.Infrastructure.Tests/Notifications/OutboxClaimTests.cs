using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Notifications;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Notifications;

/// <summary>
/// The claim of a batch (Email:ClaimSeconds): sending happens outside any transaction, so a claim is what keeps two
/// dispatchers apart. A dispatcher that never comes back leaves its messages to be claimed again when the claim runs
/// out (at-least-once); a dispatcher stops sending before its claim runs out and releases the rest; a stopping host
/// still records what was sent.
/// </summary>
public sealed class OutboxClaimTests : IAsyncLifetime
{
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(nameof(OutboxClaimTests));
        services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<AppDbContext>(o => o.UseNpgsql(connectionString))
            .AddSingleton(TimeProvider.System)
            .AddScoped<INotificationOutbox, NotificationOutbox>()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static OutboxOptions Settings() => new() { BatchSize = 10, MaxAttempts = 3, PollSeconds = 1, ClaimSeconds = 60, SmtpTimeoutSeconds = 5 };

    private OutboxDispatcher Dispatcher(IMailTransport transport, TimeProvider clock, OutboxOptions? settings = null) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), transport, Options.Create(settings ?? Settings()), clock, NullLogger<OutboxDispatcher>.Instance);

    private async Task EnqueueAsync(int count)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<INotificationOutbox>();
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue(new Notification($"foresatt{i}@example.no", $"Søknaden er mottatt {i}", "Æ ø å.", "ApplicationReceived"));
        }

        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> MessagesAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task A_claimed_message_is_not_taken_by_another_dispatcher_until_the_claim_runs_out_and_then_it_is_sent_once_recorded()
    {
        await EnqueueAsync(1);
        var hanging = new HangingTransport();
        var first = Task.Run(() => Dispatcher(hanging, TimeProvider.System).DispatchOnceAsync(CancellationToken.None));
        await hanging.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // While the first dispatcher is talking to the mail server, the message is claimed: nobody else takes it.
        var other = new RecordingTransport();
        Assert.Equal(0, await Dispatcher(other, TimeProvider.System).DispatchOnceAsync(CancellationToken.None));
        Assert.Empty(other.Sent);

        // The first dispatcher is gone for longer than its claim: the message is claimed again and sent (at-least-once).
        var later = new ManualClock(DateTimeOffset.UtcNow.AddSeconds(Settings().ClaimSeconds + 1));
        Assert.Equal(1, await Dispatcher(other, later).DispatchOnceAsync(CancellationToken.None));
        Assert.Single(other.Sent);

        // The first one comes back and finishes: the message stays recorded as sent once, not failed, not re-queued.
        hanging.Release.SetResult();
        Assert.Equal(1, await first);
        var message = Assert.Single(await MessagesAsync());
        Assert.NotNull(message.SentAt);
        Assert.Null(message.FailedAt);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(0, await Dispatcher(other, new ManualClock(DateTimeOffset.UtcNow.AddHours(1))).DispatchOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Sending_stops_before_the_claim_runs_out_and_the_rest_is_released_for_the_next_pass_without_counting_an_attempt()
    {
        await EnqueueAsync(3);
        // The next whole second: after the messages were queued, and a value PostgreSQL stores exactly.
        var clock = new ManualClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
        var settings = Settings();
        settings.ClaimSeconds = 30; // stops sending at 30 - 2 × 5 = 20 s into the claim
        var slow = new RecordingTransport(() => clock.Advance(TimeSpan.FromSeconds(12)));

        Assert.Equal(2, await Dispatcher(slow, clock, settings).DispatchOnceAsync(CancellationToken.None));

        var messages = await MessagesAsync();
        Assert.NotNull(messages[0].SentAt);
        Assert.NotNull(messages[1].SentAt);
        Assert.Null(messages[2].SentAt);
        Assert.Equal(0, messages[2].Attempts);
        Assert.Null(messages[2].LastError);
        Assert.True(messages[2].NextAttemptAt <= clock.GetUtcNow(), "the rest is due again at once");

        Assert.Equal(1, await Dispatcher(slow, clock, settings).DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(3, slow.Sent.Distinct().Count());
        Assert.All(await MessagesAsync(), m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task A_host_that_stops_mid_batch_records_what_was_sent_and_releases_the_rest()
    {
        await EnqueueAsync(3);
        using var stopping = new CancellationTokenSource();
        var transport = new RecordingTransport(stopping.Cancel);

        Assert.Equal(1, await Dispatcher(transport, TimeProvider.System).DispatchOnceAsync(stopping.Token));

        var messages = await MessagesAsync();
        Assert.NotNull(messages[0].SentAt);
        Assert.All(messages.Skip(1), m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(0, m.Attempts);
            Assert.True(m.NextAttemptAt <= DateTimeOffset.UtcNow, "released, due again at once");
        });
        Assert.Equal(2, await Dispatcher(transport, TimeProvider.System).DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(3, transport.Sent.Count);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }

    private sealed class RecordingTransport(Action? afterSend = null) : IMailTransport
    {
        public List<long> Sent { get; } = [];

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message.Id);
            afterSend?.Invoke();
            return Task.CompletedTask;
        }
    }

    /// <summary>A mail server that does not answer until released.</summary>
    private sealed class HangingTransport : IMailTransport
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task;
        }
    }
}
