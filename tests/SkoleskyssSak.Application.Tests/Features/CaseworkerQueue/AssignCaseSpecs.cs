using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.CaseworkerQueue;
using SkoleskyssSak.Application.Tests.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using static SkoleskyssSak.Application.Tests.Features.CaseworkerQueue.QueueTestData;

namespace SkoleskyssSak.Application.Tests.Features.CaseworkerQueue;

/// <summary>Taking a case, giving it to a colleague, and what is refused (issue 5), against PostgreSQL.</summary>
public sealed class AssignCaseSpecs : IAsyncLifetime
{
    private ApplicationTestApp app = null!;
    private SeededCase melhusCase = null!;
    private SeededCase sunnfjordCase = null!;
    private SeededCase withdrawnCase = null!;

    public async Task InitializeAsync()
    {
        app = await ApplicationTestApp.CreateAsync("assign_case");
        await AddStaffAsync(app);
        await using var db = app.Db();
        melhusCase = AddCase(db, "5028", 1, ApplicationTestApp.GimseSkole, 3, ApplicationTestApp.Now.AddDays(-3), null, CaseState.Submitted);
        withdrawnCase = AddCase(db, "5028", 2, ApplicationTestApp.GimseSkole, 3, ApplicationTestApp.Now.AddDays(-3), null, CaseState.Withdrawn);
        sunnfjordCase = AddCase(db, "4647", 1, ApplicationTestApp.NaustdalSkule, 5, ApplicationTestApp.Now.AddDays(-3), null, CaseState.Submitted);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_caseworker_takes_a_case_and_the_assignment_and_an_audit_record_are_stored()
    {
        var result = Assigned(await AssignAsync(MortenScope, melhusCase.Id, Morten));

        Assert.True(result.Changed);
        Assert.Equal("Morten Saksbehandler", result.Assignee.DisplayName);
        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == melhusCase.Id);
        Assert.Equal(Morten, stored.AssignedTo);
        var record = Assert.Single(stored.Assignments);
        Assert.Equal((Morten.ToString(), Morten, ApplicationTestApp.Now), (record.AssignedById, record.Assignee, record.AssignedAt));
        Assert.Single(await db.AuditEvents.Where(a => a.Action == "CaseAssigned" && a.ObjectId == melhusCase.Id.ToString()).ToListAsync());
    }

    [Fact]
    public async Task A_caseworker_gives_a_case_to_a_colleague_of_the_same_municipality_and_twice_is_once()
    {
        Assert.True(Assigned(await AssignAsync(MortenScope, melhusCase.Id, Mari)).Changed);
        Assert.False(Assigned(await AssignAsync(MortenScope, melhusCase.Id, Mari)).Changed);

        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == melhusCase.Id);
        Assert.Equal(Mari, stored.AssignedTo);
        Assert.Equal(Morten.ToString(), Assert.Single(stored.Assignments).AssignedById);
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_is_no_colleague()
    {
        AssertNotAColleague(await AssignAsync(MortenScope, melhusCase.Id, Solveig));
        // Nor is a staff member of the same municipality who is no caseworker.
        AssertNotAColleague(await AssignAsync(MortenScope, melhusCase.Id, MelhusAdmin));

        await AssertUnassignedAsync(melhusCase.Id);
    }

    [Fact]
    public async Task A_Melhus_caseworker_cannot_touch_a_Sunnfjord_case_it_does_not_exist_for_them()
    {
        AssertNotFound(await AssignAsync(MortenScope, sunnfjordCase.Id, Morten));
        AssertNotFound(await AssignAsync(MortenScope, sunnfjordCase.Id, Solveig));

        await AssertUnassignedAsync(sunnfjordCase.Id);
    }

    [Fact]
    public async Task Someone_who_is_no_caseworker_assigns_nothing()
    {
        var admin = new CaseworkerScope(MelhusAdmin, "5028");

        AssertNotFound(await AssignAsync(admin, melhusCase.Id, Morten));
        // A scope claiming another municipality than the user's own finds nothing either.
        AssertNotFound(await AssignAsync(new CaseworkerScope(Morten, "4647"), sunnfjordCase.Id, Solveig));

        await AssertUnassignedAsync(melhusCase.Id);
        await AssertUnassignedAsync(sunnfjordCase.Id);
    }

    [Fact]
    public async Task A_withdrawn_case_is_not_assigned_and_an_unknown_case_is_not_found()
    {
        var refused = Assert.IsType<Failure.Refused>((await AssignAsync(MortenScope, withdrawnCase.Id, Morten)).Failure);
        Assert.Contains("ikke åpen", refused.Reason, StringComparison.Ordinal);
        AssertNotFound(await AssignAsync(MortenScope, Guid.NewGuid(), Morten));
        AssertNotFound(await AssignAsync(MortenScope, melhusCase.Id, Guid.Empty));
    }

    [Fact]
    public async Task The_queue_shows_the_new_assignee_at_once()
    {
        await AssignAsync(MortenScope, melhusCase.Id, Morten);

        var mine = await app.SendAsync(new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Mine));

        Assert.Equal([melhusCase.Id], mine.Items.Select(i => i.CaseId));
    }

    private Task<CommandResult<CaseAssigned>> AssignAsync(CaseworkerScope scope, Guid caseId, Guid assignee) =>
        app.RunAsync<ISender, CommandResult<CaseAssigned>>(sender => sender.Send(new AssignCaseCommand(scope, caseId, assignee)).AsTask());

    private static void AssertNotFound(CommandResult<CaseAssigned> result) => Assert.IsType<Failure.NotFound>(result.Failure);

    private static CaseAssigned Assigned(CommandResult<CaseAssigned> result)
    {
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    /// <summary>The assignee is no caseworker of the case's municipality: a message on the assignee, nothing assigned.</summary>
    private static void AssertNotAColleague(CommandResult<CaseAssigned> result) =>
        Assert.Contains(nameof(AssignCaseCommand.Assignee), Assert.IsType<Failure.Invalid>(result.Failure).Errors.Keys);

    private async Task AssertUnassignedAsync(Guid caseId)
    {
        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == caseId);
        Assert.Null(stored.AssignedTo);
        Assert.Empty(stored.Assignments);
    }
}
