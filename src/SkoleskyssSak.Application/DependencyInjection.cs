using System.Reflection;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Common;

namespace SkoleskyssSak.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers every handler (a class named *Handler) and, through FluentValidation's DI extensions, every validator
    /// of this assembly (as IValidator&lt;T&gt; and as itself), scoped: some validators read the database.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        foreach (var handler in Assembly.GetExecutingAssembly().GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)))
        {
            services.AddScoped(handler);
        }

        // Every ICommandHandler/IQueryHandler of this assembly, found by Mediator's source generator at build time; the
        // pipeline validates commands (the one validation path) and audits case reads (the one read audit), in that order.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(ReadAuditBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Features.Rulebooks.RulebookProvider>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton<Features.Rulebooks.RulebookProvider>();
        return services;
    }
}
