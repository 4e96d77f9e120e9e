using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SkoleskyssSak.Infrastructure.Tests.Support;

/// <summary>The infrastructure wired exactly as the web app wires it (AddInfrastructure), against one database.</summary>
internal static class InfrastructureServices
{
    public static ServiceProvider Build(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = connectionString,
                ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "ssk-mail-infra"),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddInfrastructure(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
