using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Infrastructure;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// The application and infrastructure wired as the web app wires them (AddInfrastructure + AddApplication) against a
/// fresh PostgreSQL database with Melhus (Bokmål) and Sunnfjord (Nynorsk), two schools each, their published
/// rulebooks (Sunnfjord's has pre-assessed segments of Naustdal and Bygstad skule), and a fixed clock.
/// </summary>
public sealed class ApplicationTestApp : IAsyncDisposable
{
    public const string ChildNin = "15031750005";
    public const string ChildDNumber = "55031750260";
    public const string ApplicantNin = "01018510002";
    public const string OtherGuardianNin = "02028610052";
    public const string ParentA = "c-aaaaaaaaaaaaaaaaaaaaaaaa";
    public const string ParentB = "c-bbbbbbbbbbbbbbbbbbbbbbbb";

    public static readonly Guid GimseSkole = Guid.Parse("0195a000-0000-7000-8000-000000005028");
    public static readonly Guid NaustdalSkule = Guid.Parse("0195a000-0000-7000-8000-000000004647");
    public static readonly Guid MelhusUngdomsskole = Guid.Parse("0195a000-0000-7000-8000-000000015028");
    public static readonly Guid BygstadSkule = Guid.Parse("0195a000-0000-7000-8000-000000014647");

    /// <summary>21 November 2026, 10:00 UTC: Norwegian year 2026, school year 2026/2027.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private ApplicationTestApp(string connectionString, ServiceProvider services)
    {
        ConnectionString = connectionString;
        this.services = services;
    }

    public string ConnectionString { get; }

    public static async Task<ApplicationTestApp> CreateAsync(string purpose, Action<IServiceCollection>? configure = null)
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(purpose);
        await using (var db = PostgresServer.Context(connectionString))
        {
            var melhus = new Municipality("5028", "Melhus", "Trøndelag", LanguageForm.Bokmal, "Melhus kommune");
            melhus.SetCaseHandling("Oppvekst og utdanning – skolekontoret", 4);
            var sunnfjord = new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Sunnfjord kommune");
            sunnfjord.SetCaseHandling("Oppvekst – skulekontoret", 6);
            db.Municipalities.AddRange(melhus, sunnfjord);
            db.Schools.AddRange(
                new School(GimseSkole, "5028", "Gimse skole", 1, 7, isPrivate: false),
                new School(MelhusUngdomsskole, "5028", "Melhus ungdomsskole", 8, 10, isPrivate: false),
                new School(NaustdalSkule, "4647", "Naustdal skule", 1, 10, isPrivate: false),
                new School(BygstadSkule, "4647", "Bygstad skule", 1, 10, isPrivate: false));
            await db.SaveChangesAsync();
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Database"] = connectionString,
                ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "ssk-mail-app"),
                ["Security:CitizenPseudonym:Key"] = "application-tests-pseudonym-key-0123456789",
            })
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddInfrastructure(configuration);
        collection.AddApplication();
        collection.AddSingleton<TimeProvider>(new FixedClock(Now));
        collection.AddScoped<ICurrentActor, TestActor>();
        configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RulebookSeeder>().SeedAsync(default);
        }

        return new ApplicationTestApp(connectionString, provider);
    }

    /// <summary>Runs one request: a fresh scope (own DbContext), as in the web app.</summary>
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>Sends one command as a request does: a fresh scope, through the pipeline (validation first).</summary>
    public async Task<TResult> SendAsync<TResult>(ICommand<TResult> command)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Sends one query as a request does: a fresh scope, through the pipeline (the read audit).</summary>
    public async Task<TResult> SendAsync<TResult>(IQuery<TResult> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public AppDbContext Db() => PostgresServer.Context(ConnectionString);

    public async Task<Guid> StartAsync(string parent = ParentA, string municipality = "5028")
    {
        var result = await SendAsync(new StartApplicationCommand(municipality, parent, ApplicantNin, "Ola Nordmann"));
        return ResultAssert.Ok(result).CaseId;
    }

    public Task<CommandResult> SaveAsync(Guid caseId, ApplicationStep step, string parent = ParentA) =>
        SendAsync(new SaveApplicationStepCommand(caseId, parent, step));

    public Task<CommandResult<ApplicationSubmitted>> SubmitAsync(Guid caseId, string parent = ParentA) =>
        SendAsync(new SubmitApplicationCommand(caseId, parent));

    public Task<CommandResult<ApplicationWithdrawn>> WithdrawAsync(Guid caseId, string parent = ParentA) =>
        SendAsync(new WithdrawApplicationCommand(caseId, parent));

    public Task<MyCaseDetails?> GetAsync(Guid caseId, string parent = ParentA) =>
        SendAsync(new GetMyCaseQuery(caseId, parent));

    /// <summary>The pseudonym the app derives for a fødselsnummer (what a guardian signing in would get).</summary>
    public string PseudonymOf(string nationalIdentityNumber) =>
        services.GetRequiredService<ICitizenPseudonyms>().PseudonymFor(nationalIdentityNumber);

    public Task<IReadOnlyList<MyCaseSummary>> ListAsync(string parent = ParentA) =>
        SendAsync(new ListMyCasesQuery(parent));

    /// <summary>Fills every step with valid data (Melhus unless another school is given) and ticks the declaration.</summary>
    public async Task FillAsync(Guid caseId, string parent = ParentA, decimal distanceKm = 1.8m, int grade = 3, Guid? school = null, IReadOnlyList<ApplicationGuardian>? guardians = null)
    {
        foreach (var step in ValidSteps(distanceKm, grade, school ?? GimseSkole, guardians))
        {
            ResultAssert.Ok(await SaveAsync(caseId, step, parent));
        }
    }

    public static IEnumerable<ApplicationStep> ValidSteps(decimal distanceKm = 1.8m, int grade = 3, Guid? school = null, IReadOnlyList<ApplicationGuardian>? guardians = null) =>
    [
        ValidChild(grade, school ?? GimseSkole),
        new GuardiansStep(guardians ?? ValidGuardians()),
        new HomesStep([new ApplicationHome("Storgata 1", "7224", "Melhus", distanceKm)]),
        new RouteStep(new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None)])),
        new ReasonsStep(new ApplicationReasons("Vegen er smal og har mye tungtrafikk.", new Dictionary<SubjectiveFactor, string> { [SubjectiveFactor.Concentration] = "Blir lett distrahert." }), TransportPeriod.WholeSchoolYear),
        new DeclarationStep(true),
    ];

    public static ChildStep ValidChild(int grade = 3, Guid? school = null) =>
        new(new ApplicationChild("Kari Nordmann", ChildNin, grade, school ?? GimseSkole, 2026));

    public static List<ApplicationGuardian> ValidGuardians() =>
    [
        new("Ola Nordmann", "ola@example.no", null, null, IsApplicant: true),
        new("Eva Hansen", "eva@example.no", "+47 912 34 567", OtherGuardianNin, IsApplicant: false),
    ];

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class TestActor : ICurrentActor
    {
        public string ActorId => ParentA;

        public string ActorKind => "Citizen";

        public string? TraceId => null;
    }
}
