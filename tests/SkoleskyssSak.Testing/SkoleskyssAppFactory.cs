using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using SkoleskyssSak.Infrastructure.Logging;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>
/// The real app in-process against its own fresh PostgreSQL database (created from the migrated template),
/// with demo data seeded and TestID on. Use one per test class (IClassFixture) or per test.
/// </summary>
public class SkoleskyssAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings = new();

    public string ConnectionString { get; private set; } = string.Empty;

    public LogCapture Logs { get; } = new();

    /// <summary>Where this app's outgoing e-mails land (.eml files), one folder per app.</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "ssk-mail-" + Guid.NewGuid().ToString("N")[..12]);

    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra configuration, e.g. RateLimiting:LoginPerMinute; set before the first request.</summary>
    public IDictionary<string, string?> Settings => settings;

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync(GetType().Name);
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Database", ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("IdPorten:Mode", "TestId");
        builder.UseSetting("Security:CitizenPseudonym:Key", "test-only-pseudonym-key-0123456789abcdef");
        builder.UseSetting("RateLimiting:LoginPerMinute", "1000");
        builder.UseSetting("Email:PickupDirectory", MailFolder);

        // The app's log lines go to Logs (below), not to the test run's console.
        builder.UseSetting("Serilog:Console", "false");

        // Tests run the interim reply job's passes themselves (InterimReplyJob.RunOnceAsync), never on a timer.
        builder.UseSetting("InterimReplies:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sp =>
        {
            Logs.Formatter = LoggingSetup.Formatter(sp.GetRequiredService<IHostEnvironment>());
            return Logs;
        }));
    }
}
