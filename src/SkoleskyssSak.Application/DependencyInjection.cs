using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace SkoleskyssSak.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers every handler (a class named *Handler) and every FluentValidation validator of this assembly.
    /// FluentValidation.DependencyInjectionExtensions is not available here, so validators are found by reflection.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var types = Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsClass: true, IsAbstract: false });
        foreach (var type in types)
        {
            if (type.Name.EndsWith("Handler", StringComparison.Ordinal))
            {
                services.AddScoped(type);
            }

            foreach (var validatorInterface in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddScoped(validatorInterface, type);
            }
        }

        services.AddSingleton<Features.Rulebooks.RulebookProvider>();
        services.AddScoped<Features.Applications.ApplicationValidator>();
        return services;
    }
}
