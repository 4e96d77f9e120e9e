using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Infrastructure.Cases;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Cases;

/// <summary>Cases, their events and case numbers in PostgreSQL.</summary>
public sealed class CasePersistenceTests : IAsyncLifetime
{
    private static readonly CaseActor Guardian = new("c-0123456789abcdef01234567", CaseActorRole.Guardian);
    private static readonly CaseActor Caseworker = new("7f4c6a55-0000-4000-8000-000000000001", CaseActorRole.Caseworker);
    private static readonly Guid GimseSkole = Guid.Parse("0195a000-0000-7000-8000-000000005028");
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync(nameof(CasePersistenceTests));
        await using var db = PostgresServer.Context(connectionString);
        db.Municipalities.AddRange(
            new Municipality("5028", "Melhus", "Trøndelag", LanguageForm.Bokmal, "Melhus kommune"),
            new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Sunnfjord kommune"));
        db.Schools.Add(new School(GimseSkole, "5028", "Gimse skole", 1, 7, isPrivate: false));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Case_numbers_count_per_municipality_and_year_from_1()
    {
        await using var db = PostgresServer.Context(connectionString);
        var allocator = new CaseNumberAllocator(db);
        Assert.Equal("2026/00001", (await allocator.NextAsync("5028", 2026, default)).ToString());
        Assert.Equal("2026/00002", (await allocator.NextAsync("5028", 2026, default)).ToString());
        Assert.Equal("2026/00001", (await allocator.NextAsync("4647", 2026, default)).ToString());
        Assert.Equal("2027/00001", (await allocator.NextAsync("5028", 2027, default)).ToString());
    }

    [Fact]
    public async Task Concurrent_submissions_get_distinct_numbers_without_gaps()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async _ =>
        {
            await using var db = PostgresServer.Context(connectionString);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var number = await new CaseNumberAllocator(db).NextAsync("4647", 2030, default);
            await transaction.CommitAsync();
            return number.Sequence;
        }));
        Assert.Equal(Enumerable.Range(1, 30), numbers.Order());
    }

    [Fact]
    public async Task A_rolled_back_submission_gives_its_number_back()
    {
        await using (var db = PostgresServer.Context(connectionString))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal(1, (await new CaseNumberAllocator(db).NextAsync("5028", 2031, default)).Sequence);
            await transaction.RollbackAsync();
        }

        await using var again = PostgresServer.Context(connectionString);
        Assert.Equal(1, (await new CaseNumberAllocator(again).NextAsync("5028", 2031, default)).Sequence);
    }

    [Fact]
    public async Task A_case_and_its_events_survive_a_round_trip()
    {
        var id = Guid.CreateVersion7();
        var now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
        await using (var db = PostgresServer.Context(connectionString))
        {
            var draft = SchoolTransportCase.CreateDraft(id, "5028", now);
            Assert.True(draft.TryAssignCaseNumber(await new CaseNumberAllocator(db).NextAsync("5028", 2032, default)));
            Assert.True(draft.Apply(CaseTrigger.Submit, Guardian, now).Succeeded);
            draft.RecordSubmission(GimseSkole, 3, now);
            Assert.True(draft.Apply(CaseTrigger.StartAssessment, Caseworker, now.AddDays(1)).Succeeded);
            db.Cases.Add(draft);
            await db.SaveChangesAsync();
        }

        await using var read = PostgresServer.Context(connectionString);
        var stored = await read.Cases.Include(c => c.Events).SingleAsync(c => c.Id == id);
        Assert.Equal(CaseState.InAssessment, stored.State);
        Assert.Equal("2032/00001", stored.CaseNumber!.ToString());
        Assert.Equal([CaseTrigger.Submit, CaseTrigger.StartAssessment], stored.Events.OrderBy(e => e.Sequence).Select(e => e.Trigger));
        Assert.Equal(CaseState.Draft, stored.Events.OrderBy(e => e.Sequence).First().From);

        // Loaded back, the aggregate keeps enforcing its table.
        Assert.False(stored.Apply(CaseTrigger.Submit, Guardian, now.AddDays(2)).Succeeded);
    }

    [Fact]
    public async Task Two_caseworkers_moving_the_same_case_get_a_conflict_for_the_second()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var db = PostgresServer.Context(connectionString))
        {
            var draft = SchoolTransportCase.CreateDraft(id, "5028", now);
            draft.TryAssignCaseNumber(await new CaseNumberAllocator(db).NextAsync("5028", 2033, default));
            draft.Apply(CaseTrigger.Submit, Guardian, now);
            draft.RecordSubmission(GimseSkole, 3, now);
            db.Cases.Add(draft);
            await db.SaveChangesAsync();
        }

        await using var first = PostgresServer.Context(connectionString);
        await using var second = PostgresServer.Context(connectionString);
        var a = await first.Cases.Include(c => c.Events).SingleAsync(c => c.Id == id);
        var b = await second.Cases.Include(c => c.Events).SingleAsync(c => c.Id == id);
        a.Apply(CaseTrigger.StartAssessment, Caseworker, now);
        b.Apply(CaseTrigger.Withdraw, Guardian, now);
        await first.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task The_same_case_number_cannot_be_given_twice_in_a_municipality()
    {
        await using var db = PostgresServer.Context(connectionString);
        var number = CaseNumber.Create(2034, 7);
        foreach (var _ in new[] { 1, 2 })
        {
            var draft = SchoolTransportCase.CreateDraft(Guid.CreateVersion7(), "5028", DateTimeOffset.UtcNow);
            draft.TryAssignCaseNumber(number);
            db.Cases.Add(draft);
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Journal_entries_are_stored_with_the_case_and_internal_notes_are_kept_apart()
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var db = PostgresServer.Context(connectionString))
        {
            db.Cases.Add(SchoolTransportCase.CreateDraft(id, "4647", now));
            db.JournalEntries.Add(JournalEntry.Register(Guid.CreateVersion7(), id, JournalEntryKind.Incoming, new DateOnly(2026, 11, 21),
                "Søknad om skuleskyss – særleg farleg skuleveg – 2026/2027 – Førde barneskule", "Søknad om skuleskyss for Emma", ["Emma Nordmann"], now));
            db.JournalEntries.Add(JournalEntry.Register(Guid.CreateVersion7(), id, JournalEntryKind.Note, new DateOnly(2026, 11, 22),
                "Notat – synfaring", "Notat frå synfaring", ["Emma Nordmann"], now.AddDays(1)));
            await db.SaveChangesAsync();
        }

        await using var read = PostgresServer.Context(connectionString);
        var journal = await read.JournalEntries.Where(j => j.CaseId == id).OrderBy(j => j.RegisteredAt).ToListAsync();
        Assert.Equal([JournalEntryKind.Incoming, JournalEntryKind.Note], journal.Select(j => j.Kind));
        Assert.Equal([true, false], journal.Select(j => j.VisibleToParties));
        Assert.DoesNotContain("Emma", journal[0].PublicTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_case_without_its_queue_facts_is_refused_by_the_database()
    {
        await using var db = PostgresServer.Context(connectionString);
        var draft = SchoolTransportCase.CreateDraft(Guid.CreateVersion7(), "5028", DateTimeOffset.UtcNow);
        draft.TryAssignCaseNumber(CaseNumber.Create(2035, 1));
        draft.Apply(CaseTrigger.Submit, Guardian, DateTimeOffset.UtcNow);
        db.Cases.Add(draft);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("ck_cases_submitted_facts", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assignment_and_its_history_survive_a_round_trip()
    {
        var now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
        var caseworker = new Identity.StaffUser { Id = Guid.CreateVersion7(), UserName = "sb@example.no", DisplayName = "Saksbehandler", MunicipalityNumber = "5028" };
        Guid id;
        await using (var db = PostgresServer.Context(connectionString))
        {
            db.Users.Add(caseworker);
            var submitted = SubmittedCases.Add(db, "5028", 90, GimseSkole, 3, now, "Kari Nordmann");
            Assert.True(submitted.AssignTo(caseworker.Id, Caseworker, now.AddHours(1)).Succeeded);
            id = submitted.Id;
            await db.SaveChangesAsync();
        }

        await using var read = PostgresServer.Context(connectionString);
        var stored = await read.Cases.Include(c => c.Assignments).SingleAsync(c => c.Id == id);
        Assert.Equal((caseworker.Id, GimseSkole, 3, new DateOnly(2027, 1, 16)), (stored.AssignedTo!.Value, stored.SchoolId!.Value, stored.Grade!.Value, stored.DueDate!.Value));
        var assignment = Assert.Single(stored.Assignments);
        Assert.Equal((Caseworker.Id, caseworker.Id, now.AddHours(1)), (assignment.AssignedById, assignment.Assignee, assignment.AssignedAt));
    }
}
