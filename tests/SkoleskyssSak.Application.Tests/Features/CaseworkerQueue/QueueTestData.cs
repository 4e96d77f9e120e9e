using Microsoft.AspNetCore.Identity;
using SkoleskyssSak.Application.Features.CaseworkerQueue;
using SkoleskyssSak.Application.Tests.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.CaseworkerQueue;

/// <summary>One seeded case, as the queue should see it (the oracle of the specs).</summary>
public sealed record SeededCase(Guid Id, string Municipality, CaseNumber Number, CaseState State, Guid School, int Grade, DateTimeOffset SubmittedAt, DateOnly DueDate, Guid? AssignedTo);

/// <summary>
/// Caseworkers of Melhus (Morten, Mari) and Sunnfjord (Solveig), a Melhus admin who is no caseworker, and submitted
/// cases written through the domain (submission facts, assignments, transitions) straight into the database.
/// </summary>
public static class QueueTestData
{
    public static readonly Guid EidSkole = Guid.Parse("0195a000-0000-7000-8000-000000025028");
    public static readonly Guid Morten = Guid.Parse("0195b000-0000-7000-8000-000000000001");
    public static readonly Guid Mari = Guid.Parse("0195b000-0000-7000-8000-000000000002");
    public static readonly Guid Solveig = Guid.Parse("0195b000-0000-7000-8000-000000000003");
    public static readonly Guid MelhusAdmin = Guid.Parse("0195b000-0000-7000-8000-000000000004");

    public static readonly CaseworkerScope MortenScope = new(Morten, "5028");
    public static readonly CaseworkerScope SolveigScope = new(Solveig, "4647");

    public static readonly DateOnly Today = new(2026, 11, 21);

    public static async Task AddStaffAsync(ApplicationTestApp app)
    {
        await using var db = app.Db();
        db.Schools.Add(new School(EidSkole, "5028", "Eid skole", 1, 10, isPrivate: false));
        var caseworker = new IdentityRole<Guid>(StaffRole.Caseworker) { Id = Guid.CreateVersion7(), NormalizedName = StaffRole.Caseworker.ToUpperInvariant() };
        var admin = new IdentityRole<Guid>(StaffRole.MunicipalityAdmin) { Id = Guid.CreateVersion7(), NormalizedName = StaffRole.MunicipalityAdmin.ToUpperInvariant() };
        db.Roles.AddRange(caseworker, admin);
        (Guid Id, string Name, string Municipality, IdentityRole<Guid> Role)[] people =
        [
            (Morten, "Morten Saksbehandler", "5028", caseworker),
            (Mari, "Mari Saksbehandler", "5028", caseworker),
            (Solveig, "Solveig Saksbehandlar", "4647", caseworker),
            (MelhusAdmin, "Anne Administrator", "5028", admin),
        ];
        foreach (var (id, name, municipality, role) in people)
        {
            db.Users.Add(new StaffUser { Id = id, UserName = id.ToString(), DisplayName = name, MunicipalityNumber = municipality });
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = role.Id });
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// 30 Melhus cases (two schools; grades 1–7; submitted in pairs 5 days apart, so due dates tie in pairs; a third
    /// Morten's, a third Mari's; some in assessment, decided or withdrawn), 5 Sunnfjord cases and a Melhus draft.
    /// </summary>
    public static async Task<List<SeededCase>> AddCasesAsync(ApplicationTestApp app)
    {
        var seeded = new List<SeededCase>();
        await using var db = app.Db();
        for (var i = 0; i < 30; i++)
        {
            var state = (i % 10) switch
            {
                1 or 6 => CaseState.InAssessment,
                2 => CaseState.Decided,
                3 => CaseState.Withdrawn,
                7 => CaseState.AwaitingInformation,
                _ => CaseState.Submitted,
            };
            Guid? assignee = (i % 3) switch { 0 => Morten, 2 => Mari, _ => null };
            seeded.Add(AddCase(db, "5028", i + 1, i % 2 == 0 ? GimseSkole : EidSkole, 1 + (i % 7), Now.AddDays(-(i / 2) * 5).AddMinutes(-i), assignee, state));
        }

        for (var i = 0; i < 5; i++)
        {
            seeded.Add(AddCase(db, "4647", i + 1, NaustdalSkule, 5, Now.AddDays(-i * 20), i == 0 ? Solveig : null, CaseState.Submitted));
        }

        db.Cases.Add(SchoolTransportCase.CreateDraft(Guid.CreateVersion7(), "5028", Now));
        await db.SaveChangesAsync();
        return seeded;
    }

    public static SeededCase AddCase(Infrastructure.Persistence.AppDbContext db, string municipality, int sequence, Guid school, int grade, DateTimeOffset submittedAt, Guid? assignee, CaseState state)
    {
        var @case = SubmittedCases.Add(db, municipality, sequence, school, grade, submittedAt, $"Elev{sequence} Etternavn");
        var caseworker = new CaseActor((assignee ?? Morten).ToString(), CaseActorRole.Caseworker);
        if (assignee is { } a)
        {
            Assert.True(@case.AssignTo(a, caseworker, submittedAt.AddHours(1)).Succeeded);
        }

        CaseTrigger[] path = state switch
        {
            CaseState.InAssessment => [CaseTrigger.StartAssessment],
            CaseState.AwaitingInformation => [CaseTrigger.StartAssessment, CaseTrigger.RequestInformation],
            CaseState.Decided => [CaseTrigger.StartAssessment, CaseTrigger.Decide],
            CaseState.Withdrawn => [CaseTrigger.Withdraw],
            _ => [],
        };
        foreach (var trigger in path)
        {
            Ok(@case.Apply(trigger, caseworker, submittedAt.AddHours(2), "Grunngiving.", municipality + "/v1"));
        }

        return new SeededCase(@case.Id, municipality, @case.CaseNumber!, state, school, grade, submittedAt, @case.DueDate!.Value, assignee);
    }

    private static void Ok(CaseTransitionResult result) => Assert.True(result.Succeeded, result.Reason);
}
