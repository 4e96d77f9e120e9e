using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Common;

namespace SkoleskyssSak.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers every handler (through Mediator's generated registration) and, through FluentValidation's DI extensions,
    /// every validator of this assembly (as IValidator&lt;T&gt; and as itself), scoped: some validators read the database.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Every ICommandHandler/IQueryHandler of this assembly, found by Mediator's source generator at build time; the
        // pipeline validates commands (the one validation path) and audits case reads (the one read audit), in that order.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(ReadAuditBehavior<,>)];
        });
        services.AddValidatorsFromAssemblyContaining<Features.Rulebooks.RulebookProvider>(ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddSingleton<Features.Rulebooks.RulebookProvider>();
        services.AddScoped<Features.Applications.ApplicationStepValidators>(); // the søknad's step validators, for Save and Submit
        return services;
    }
}
