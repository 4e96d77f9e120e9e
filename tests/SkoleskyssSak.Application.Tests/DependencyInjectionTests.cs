using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Features.Municipalities;

namespace SkoleskyssSak.Application.Tests;

/// <summary>Handlers are found by convention (a class named *Handler); none may be left out.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public void Every_handler_of_the_application_layer_is_registered()
    {
        var services = new ServiceCollection().AddApplication();
        var handlerTypes = typeof(DependencyInjection).Assembly.GetTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) && !t.IsAbstract);
        Assert.Contains(services, d => d.ServiceType == typeof(ListMunicipalitiesHandler));
        Assert.All(handlerTypes, t => Assert.Contains(services, d => d.ServiceType == t));
    }
}
