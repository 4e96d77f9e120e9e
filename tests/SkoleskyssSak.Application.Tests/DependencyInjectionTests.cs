using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Features.Municipalities;

namespace SkoleskyssSak.Application.Tests;

/// <summary>Handlers are registered by Mediator's generated code, validators by FluentValidation's DI extensions; none may be left out.</summary>
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

    [Fact]
    public void Every_validator_of_the_application_layer_is_registered_scoped_as_its_IValidator_and_as_itself()
    {
        var services = new ServiceCollection().AddApplication();
        var validators = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.IsGenericTypeDefinition)
            .Select(t => (Type: t, Interfaces: t.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>)).ToList()))
            .Where(v => v.Interfaces.Count > 0)
            .ToList();

        Assert.Contains(validators, v => v.Type == typeof(global::SkoleskyssSak.Application.Features.Applications.ChildStepValidator));
        Assert.All(validators, v =>
        {
            Assert.Contains(services, d => d.ServiceType == v.Type && d.ImplementationType == v.Type && d.Lifetime == ServiceLifetime.Scoped);
            Assert.All(v.Interfaces, i => Assert.Contains(services, d => d.ServiceType == i && d.ImplementationType == v.Type && d.Lifetime == ServiceLifetime.Scoped));
        });
    }
}
