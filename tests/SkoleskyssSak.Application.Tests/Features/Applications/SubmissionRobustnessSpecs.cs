using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>Issue 10 (items 2 and 10): a submission never fails for a number in a name, and racing submissions all get the receipt.</summary>
public sealed class SubmissionRobustnessSpecs
{
    [Fact]
    public async Task A_guardian_whose_name_holds_a_number_of_the_title_submits_with_the_full_public_title()
    {
        await using var app = await CreateAsync("app_name_number");
        var draft = await app.StartAsync();
        // The TestID person "Last Test 20": "20" occurs in "2026/2027" and in the case number 2026/00001.
        await app.FillAsync(draft, guardians: [new("Last Test 20", "last@example.no", null, null, IsApplicant: true)]);

        var result = ResultAssert.Ok(await app.SubmitAsync(draft));

        Assert.Equal("2026/00001", result.CaseNumber.ToString());
        await using var db = app.Db();
        var journal = await db.JournalEntries.Where(j => j.CaseId == draft).ToListAsync();
        Assert.Contains(journal, j => j.PublicTitle == "Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole");
        Assert.All(journal, j => Assert.DoesNotContain("Last", j.PublicTitle, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Twenty_racing_submissions_of_one_case_all_get_the_same_receipt()
    {
        await using var app = await CreateAsync("app_race_twenty");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);

        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await app.SubmitAsync(draft);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        var submitted = results.Select(r => ResultAssert.Ok(r)).ToList();
        Assert.Equal("2026/00001", Assert.Single(submitted.Select(s => s.CaseNumber.ToString()).Distinct()));
        Assert.Single(submitted, s => !s.AlreadySubmitted);
        await using var db = app.Db();
        Assert.Single((await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == draft)).Events);
        Assert.Single(await db.JournalEntries.Where(j => j.CaseId == draft && j.DocumentId == null).ToListAsync());
        Assert.Equal(2, await db.OutboxMessages.CountAsync());
    }
}
