using Microsoft.EntityFrameworkCore;
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
        var result = Assert.IsType<AssignCaseResult.Assigned>(await AssignAsync(MortenScope, melhusCase.Id, Morten));

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
        Assert.True(Assert.IsType<AssignCaseResult.Assigned>(await AssignAsync(MortenScope, melhusCase.Id, Mari)).Changed);
        Assert.False(Assert.IsType<AssignCaseResult.Assigned>(await AssignAsync(MortenScope, melhusCase.Id, Mari)).Changed);

        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == melhusCase.Id);
        Assert.Equal(Mari, stored.AssignedTo);
        Assert.Equal(Morten.ToString(), Assert.Single(stored.Assignments).AssignedById);
    }

    [Fact]
    public async Task A_caseworker_of_another_municipality_is_no_colleague()
    {
        Assert.IsType<AssignCaseResult.NotAColleague>(await AssignAsync(MortenScope, melhusCase.Id, Solveig));
        // Nor is a staff member of the same municipality who is no caseworker.
        Assert.IsType<AssignCaseResult.NotAColleague>(await AssignAsync(MortenScope, melhusCase.Id, MelhusAdmin));

        await AssertUnassignedAsync(melhusCase.Id);
    }

    [Fact]
    public async Task A_Melhus_caseworker_cannot_touch_a_Sunnfjord_case_it_does_not_exist_for_them()
    {
        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(MortenScope, sunnfjordCase.Id, Morten));
        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(MortenScope, sunnfjordCase.Id, Solveig));

        await AssertUnassignedAsync(sunnfjordCase.Id);
    }

    [Fact]
    public async Task Someone_who_is_no_caseworker_assigns_nothing()
    {
        var admin = new CaseworkerScope(MelhusAdmin, "5028");

        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(admin, melhusCase.Id, Morten));
        // A scope claiming another municipality than the user's own finds nothing either.
        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(new CaseworkerScope(Morten, "4647"), sunnfjordCase.Id, Solveig));

        await AssertUnassignedAsync(melhusCase.Id);
        await AssertUnassignedAsync(sunnfjordCase.Id);
    }

    [Fact]
    public async Task A_withdrawn_case_is_not_assigned_and_an_unknown_case_is_not_found()
    {
        var refused = Assert.IsType<AssignCaseResult.NotOpen>(await AssignAsync(MortenScope, withdrawnCase.Id, Morten));
        Assert.Contains("ikke åpen", refused.Reason, StringComparison.Ordinal);
        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(MortenScope, Guid.NewGuid(), Morten));
        Assert.IsType<AssignCaseResult.NotFound>(await AssignAsync(MortenScope, melhusCase.Id, Guid.Empty));
    }

    [Fact]
    public async Task The_queue_shows_the_new_assignee_at_once()
    {
        await AssignAsync(MortenScope, melhusCase.Id, Morten);

        var mine = await app.RunAsync<ListWorkQueueHandler, WorkQueuePage>(h => h.HandleAsync(new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Mine), default));

        Assert.Equal([melhusCase.Id], mine.Items.Select(i => i.CaseId));
    }

    private Task<AssignCaseResult> AssignAsync(CaseworkerScope scope, Guid caseId, Guid assignee) =>
        app.RunAsync<AssignCaseHandler, AssignCaseResult>(h => h.HandleAsync(new AssignCaseCommand(scope, caseId, assignee), default));

    private async Task AssertUnassignedAsync(Guid caseId)
    {
        await using var db = app.Db();
        var stored = await db.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == caseId);
        Assert.Null(stored.AssignedTo);
        Assert.Empty(stored.Assignments);
    }
}
