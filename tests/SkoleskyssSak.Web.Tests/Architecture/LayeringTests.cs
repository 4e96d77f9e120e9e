using System.Reflection;
using NetArchTest.Rules;

namespace SkoleskyssSak.Web.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, read from the compiled assemblies with NetArchTest: dependencies point inward
/// (Web → Infrastructure → Application → Domain), the Domain is pure, the Application knows neither the web nor the
/// database provider, and the web layer reaches EF Core only where the app is composed.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(SkoleskyssSak.Domain.Cases.CaseState).Assembly;
    private static readonly Assembly Application = typeof(SkoleskyssSak.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(SkoleskyssSak.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;
    private static readonly Assembly LocalPostgresAssembly = typeof(SkoleskyssSak.LocalPostgres.LocalPostgresCluster).Assembly;

    /// <summary>Where the web app is put together: it may name the database context and its provider.</summary>
    private static readonly string[] Composition = ["Program", "SkoleskyssSak.Web.Hosting"];

    [Fact]
    public void The_domain_references_no_other_layer_and_no_framework_beyond_the_base_library()
    {
        AssertNone(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny(
            "SkoleskyssSak.Application", "SkoleskyssSak.Infrastructure", "SkoleskyssSak.Web",
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Npgsql", "FluentValidation", "Serilog"));
        Assert.Empty(Domain.GetReferencedAssemblies().Where(a => !IsBaseLibrary(a)).Select(a => a.Name));
    }

    [Fact]
    public void The_application_layer_references_neither_ASP_NET_Core_nor_Infrastructure_nor_the_database_provider()
    {
        AssertNone(Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny(
            "SkoleskyssSak.Infrastructure", "SkoleskyssSak.Web", "Microsoft.AspNetCore", "Npgsql", "Serilog", "Microsoft.Playwright"));
    }

    [Fact]
    public void Infrastructure_does_not_reference_the_web_layer()
    {
        AssertNone(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("SkoleskyssSak.Web", "Microsoft.AspNetCore.Mvc"));
    }

    [Fact]
    public void The_local_development_PostgreSQL_is_not_in_the_shipped_Infrastructure_assembly()
    {
        // LocalPostgresCluster (initdb, pg_ctl, a superuser on loopback) is for `make run` and the tests only; it lives in
        // SkoleskyssSak.LocalPostgres, which the Web app references in Debug builds only.
        Assert.Empty(Types.InAssembly(Infrastructure).That().HaveNameStartingWith("LocalPostgres")
            .Or().ResideInNamespaceContaining("LocalPostgres").GetTypes().Select(t => t.FullName));
        Assert.DoesNotContain(Infrastructure.GetReferencedAssemblies(), a => a.Name == LocalPostgresAssembly.GetName().Name);
        AssertNone(Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn(LocalPostgresAssembly.GetName().Name));

        // The rule can see what it forbids: the cluster is where the tests find it.
        Assert.Equal("SkoleskyssSak.LocalPostgres", LocalPostgresAssembly.GetName().Name);
    }

    [Fact]
    public void The_web_layer_uses_EF_Core_and_Npgsql_only_where_the_app_is_composed()
    {
        var outsideComposition = Types.InAssembly(Web).That().DoNotResideInNamespaceStartingWith(Composition[1])
            .And().DoNotHaveName(Composition[0]).And().DoNotHaveNameStartingWith("<");
        AssertNone(outsideComposition.ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore", "Npgsql", "SkoleskyssSak.Infrastructure.Persistence"));

        // The rule can see what it forbids: the composition root does name the database context.
        Assert.NotEmpty(Types.InAssembly(Web).That().HaveDependencyOn("SkoleskyssSak.Infrastructure.Persistence").GetTypes());
    }

    private static void AssertNone(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Breaks the layering: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static bool IsBaseLibrary(AssemblyName assembly) =>
        assembly.Name is "System.Runtime" or "netstandard" or "mscorlib" ||
        assembly.Name!.StartsWith("System.", StringComparison.Ordinal);
}
