using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Persistence;

/// <summary>
/// DESIGN.md §8: two people editing the same thing — the second gets a conflict, nothing is overwritten
/// silently. Every aggregate carries PostgreSQL's xmin as its concurrency token (OptimisticConcurrency).
/// </summary>
public class OptimisticConcurrencyTests : IAsyncLifetime
{
    private static readonly Guid SchoolId = Guid.Parse("0b5e0000-0000-4000-8000-000000000001");
    private string connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        connectionString = await PostgresServer.CreateDatabaseAsync("concurrency");
        await using var db = PostgresServer.Context(connectionString);
        db.Municipalities.Add(new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338\n6802 Førde"));
        db.Schools.Add(new School(SchoolId, "4647", "Skei skule", 1, 10, isPrivate: false));
        db.AppealBodies.Add(new AppealBody("sf-vestland", "Statsforvaltaren i Vestland", AppealBodyKind.CountyGovernor, "Postboks 7310\n5020 Bergen"));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Second_writer_of_a_stale_municipality_gets_a_conflict_and_overwrites_nothing()
    {
        await using var first = PostgresServer.Context(connectionString);
        await using var second = PostgresServer.Context(connectionString);
        var mine = await first.Municipalities.SingleAsync(m => m.Number == "4647");
        var theirs = await second.Municipalities.SingleAsync(m => m.Number == "4647");

        mine.Update("Sunnfjord kommune", "Vestland", LanguageForm.Nynorsk, "Postboks 338\n6802 Førde");
        theirs.Update("Sunnfjord (overskriven)", "Vestland", LanguageForm.Bokmal, "Postboks 338\n6802 Førde");
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var reader = PostgresServer.Context(connectionString);
        var stored = await reader.Municipalities.SingleAsync(m => m.Number == "4647");
        Assert.Equal(("Sunnfjord kommune", LanguageForm.Nynorsk), (stored.Name, stored.LanguageForm));
    }

    [Fact]
    public async Task First_writer_gets_the_new_version_and_may_save_again()
    {
        await using var db = PostgresServer.Context(connectionString);
        var municipality = await db.Municipalities.SingleAsync(m => m.Number == "4647");
        var before = db.Entry(municipality).Property<uint>("RowVersion").CurrentValue;

        municipality.Update("Sunnfjord kommune", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        await db.SaveChangesAsync();
        var after = db.Entry(municipality).Property<uint>("RowVersion").CurrentValue;
        municipality.Update("Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Postboks 338");
        await db.SaveChangesAsync();

        Assert.NotEqual(0u, before);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Second_writer_of_a_stale_school_gets_a_conflict_and_overwrites_nothing()
    {
        await using var first = PostgresServer.Context(connectionString);
        await using var second = PostgresServer.Context(connectionString);
        var mine = await first.Schools.SingleAsync(s => s.Id == SchoolId);
        var theirs = await second.Schools.SingleAsync(s => s.Id == SchoolId);

        // School has no domain method that changes it yet; Update() sends every column, as a form post would.
        first.Entry(mine).Property(s => s.Name).CurrentValue = "Skei skule (ny)";
        first.Update(mine);
        second.Entry(theirs).Property(s => s.HighestGrade).CurrentValue = 7;
        second.Update(theirs);
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var reader = PostgresServer.Context(connectionString);
        var stored = await reader.Schools.SingleAsync(s => s.Id == SchoolId);
        Assert.Equal(("Skei skule (ny)", 10), (stored.Name, stored.HighestGrade));
    }

    [Fact]
    public async Task Second_writer_of_a_stale_appeal_body_gets_a_conflict()
    {
        await using var first = PostgresServer.Context(connectionString);
        await using var second = PostgresServer.Context(connectionString);
        var mine = await first.AppealBodies.SingleAsync(b => b.Code == "sf-vestland");
        var theirs = await second.AppealBodies.SingleAsync(b => b.Code == "sf-vestland");

        first.Entry(mine).Property(b => b.PostalAddress).CurrentValue = "Njøsavegen 2\n6863 Leikanger";
        second.Entry(theirs).Property(b => b.PostalAddress).CurrentValue = "Postboks 1";
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Deleting_a_stale_municipality_is_a_conflict_too()
    {
        await using (var setup = PostgresServer.Context(connectionString))
        {
            setup.Municipalities.Add(new Municipality("5028", "Melhus", "Trøndelag", LanguageForm.Bokmal, "Postboks 23"));
            await setup.SaveChangesAsync();
        }

        await using var first = PostgresServer.Context(connectionString);
        await using var second = PostgresServer.Context(connectionString);
        var edited = await first.Municipalities.SingleAsync(m => m.Number == "5028");
        var deleted = await second.Municipalities.SingleAsync(m => m.Number == "5028");

        edited.Update("Melhus kommune", "Trøndelag", LanguageForm.Bokmal, "Postboks 23");
        await first.SaveChangesAsync();
        second.Municipalities.Remove(deleted);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var reader = PostgresServer.Context(connectionString);
        Assert.True(await reader.Municipalities.AnyAsync(m => m.Number == "5028"));
    }
}
