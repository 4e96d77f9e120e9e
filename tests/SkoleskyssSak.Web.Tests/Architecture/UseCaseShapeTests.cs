using System.Reflection;
using Mediator;
using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace SkoleskyssSak.Web.Tests.Architecture;

/// <summary>
/// The shape of a use case (issue 12, docs/architecture.md "A use case"): every handler is a Mediator command or query
/// handler that pages reach through ISender; handlers never call one another; queries never write; pages never hold the
/// database context.
/// </summary>
public sealed class UseCaseShapeTests
{
    private static readonly Assembly Application = typeof(SkoleskyssSak.Application.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static readonly Type[] HandlerInterfaces = [typeof(ICommandHandler<,>), typeof(IQueryHandler<,>)];

    private static IEnumerable<Type> Handlers => Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal));

    private static IEnumerable<Type> QueryHandlers => Handlers.Where(t => Implements(t, typeof(IQueryHandler<,>)));

    [Fact]
    public void Every_handler_is_a_command_or_query_handler_the_pipeline_runs()
    {
        Assert.NotEmpty(Handlers);
        Assert.Empty(Handlers.Where(t => !HandlerInterfaces.Any(i => Implements(t, i))).Select(t => t.FullName));
    }

    [Fact]
    public void No_handler_calls_another_handler()
    {
        var offenders = Handlers.SelectMany(h => h.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => p.ParameterType.Name.EndsWith("Handler", StringComparison.Ordinal))
                .Select(p => $"{h.Name} takes {p.ParameterType.Name}"));
        Assert.Empty(offenders);
    }

    [Fact]
    public void Queries_never_write_nor_audit_themselves()
    {
        Assert.NotEmpty(QueryHandlers);
        using var module = ModuleDefinition.ReadModule(Application.Location);
        var offenders = new List<string>();
        foreach (var handler in QueryHandlers)
        {
            var type = module.GetType(handler.FullName!.Replace('+', '/'));
            foreach (var call in Calls(type))
            {
                if (call.Name is "SaveChanges" or "SaveChangesAsync" || call.DeclaringType.Name is "IAuditTrail" or "INotificationOutbox")
                {
                    offenders.Add($"{handler.Name} calls {call.DeclaringType.Name}.{call.Name}");
                }
            }
        }

        Assert.Empty(offenders.Distinct());
    }

    [Fact]
    public void Pages_send_use_cases_and_never_hold_the_database_context_or_a_handler()
    {
        var pages = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("SkoleskyssSak.Web.Pages");
        var result = pages.ShouldNot().HaveDependencyOnAny("SkoleskyssSak.Application.Abstractions.IApplicationDbContext", "Microsoft.EntityFrameworkCore").GetResult();
        Assert.True(result.IsSuccessful, "Pages holding the database context: " + string.Join(", ", result.FailingTypeNames ?? []));

        var handlerNames = Handlers.Select(h => h.FullName!).ToArray();
        var holdingHandlers = Web.GetTypes()
            .Where(t => t.Namespace?.StartsWith("SkoleskyssSak.Web", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => handlerNames.Contains(p.ParameterType.FullName)).Select(p => $"{t.Name} takes {p.ParameterType.Name}"));
        Assert.Empty(holdingHandlers);
    }

    private static bool Implements(Type type, Type openInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface);

    /// <summary>Every method called from the type's methods, its lambdas and its async state machines.</summary>
    private static IEnumerable<MethodReference> Calls(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody)
            .SelectMany(m => m.Body.Instructions)
            .Where(i => i.OpCode == OpCodes.Call || i.OpCode == OpCodes.Callvirt)
            .Select(i => (MethodReference)i.Operand)
            .Concat(type.NestedTypes.SelectMany(Calls));
}
