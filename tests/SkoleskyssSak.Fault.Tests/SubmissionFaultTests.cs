using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Testing;
using Xunit.Abstractions;

namespace SkoleskyssSak.Fault.Tests;

/// <summary>
/// Issue 10, "never a 500, never a locked-out citizen": the fault test. Synthetic parents submit søknader through the real
/// pages, concurrently, against the app running as a real child process; during the run the app is killed (SIGKILL) and
/// started again, or PostgreSQL restarts (immediate, then fast). Every submission a parent saw acknowledged (a receipt
/// with a case number) must be in the cases table exactly once, no child may have two submitted cases, and every parent
/// must in the end get a receipt by retrying as a browser user would. Bounded: fixed counts, a time limit, loopback only.
/// </summary>
public sealed class SubmissionFaultTests(ITestOutputHelper output)
{
    private const int ParentsPerRun = 30;

    /// <summary>Between two parents' starts, so that submissions keep arriving while the faults happen.</summary>
    private static readonly TimeSpan Stagger = TimeSpan.FromMilliseconds(250);

    /// <summary>The whole run of one test (start, journeys, faults); the test stops by itself after it.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150);

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Acknowledged_submissions_are_stored_exactly_once_when_the_app_is_killed_and_restarted()
    {
        await RunAsync("appkill", firstPerson: 0, async (app, run, stop) =>
        {
            var faults = new List<string>();
            foreach (var threshold in (int[])[ParentsPerRun / 5, ParentsPerRun / 2])
            {
                await run.WaitForSubmissionsInFlightAsync(threshold, stop);
                var window = await WaitForCommittedButUnansweredAsync(app.ConnectionString, run, TimeSpan.FromSeconds(10), stop);
                var inFlight = run.FinalPostsInFlight;
                await app.KillAsync();
                faults.Add($"SIGKILL with {inFlight} final posts in flight after {run.Acknowledged} receipts{(window ? ", a submission committed but its answer not yet received" : string.Empty)}");
                await app.StartAsync(StartLimit);
            }

            return faults;
        });
    }

    [Fact]
    public async Task Acknowledged_submissions_are_stored_exactly_once_when_PostgreSQL_restarts()
    {
        await RunAsync("pgrestart", firstPerson: ParentsPerRun, async (_, run, stop) =>
        {
            var faults = new List<string>();
            foreach (var (threshold, mode) in new[] { (ParentsPerRun / 5, "immediate"), (ParentsPerRun / 2, "fast") })
            {
                await run.WaitForSubmissionsInFlightAsync(threshold, stop);
                var inFlight = run.FinalPostsInFlight;
                await DatabaseServer.RestartAsync(mode);
                faults.Add($"pg_ctl restart -m {mode} with {inFlight} final posts in flight after {run.Acknowledged} receipts");
            }

            return faults;
        });
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) for the narrow moment the kill hurts most: a submission is committed (it
    /// has its case number) but its answer has not reached the parent, who must then post again and get the same receipt.
    /// </summary>
    private static async Task<bool> WaitForCommittedButUnansweredAsync(string connectionString, SubmissionRun run, TimeSpan limit, CancellationToken stop)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(stop);
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM cases WHERE case_number IS NOT NULL", connection);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit && !stop.IsCancellationRequested)
        {
            var answered = run.Answered;
            if ((long)(await count.ExecuteScalarAsync(stop))! > answered && run.FinalPostsInFlight > 0)
            {
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(string purpose, int firstPerson, Func<AppProcess, SubmissionRun, CancellationToken, Task<List<string>>> injectFaults)
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await DatabaseServer.CreateDurableDatabaseAsync(purpose);
        await using var app = new AppProcess(connectionString);
        try
        {
            await app.StartAsync(StartLimit);
            var parentNumbers = SyntheticPeople.Numbers(1984, firstPerson, ParentsPerRun);
            var childNumbers = SyntheticPeople.Numbers(2015, firstPerson, ParentsPerRun);
            var parents = Enumerable.Range(0, ParentsPerRun)
                .Select(i => new Parent(i, parentNumbers[i], $"Forelder Feiltest {i}", childNumbers[i]))
                .ToList();

            using var stop = new CancellationTokenSource(RunLimit);
            var run = new SubmissionRun();
            var journeys = parents.Select((parent, i) => Task.Run(async () =>
            {
                await Task.Delay(Stagger * i, stop.Token);
                return await new ParentJourney(parent, app.BaseAddress, run, stop.Token).RunAsync();
            })).ToList();
            var faults = injectFaults(app, run, stop.Token);

            var outcomes = await Task.WhenAll(journeys);
            var injected = await faults;
            output.WriteLine($"{purpose}: {string.Join("; ", injected)}");
            output.WriteLine($"{outcomes.Count(o => o.CaseNumber is not null)} receipts, {run.TransientErrors} connection errors and {run.ServerErrors} 5xx answers retried, " +
                $"{run.LostAnswers} answers dropped on purpose, {outcomes.Sum(o => o.FinalStepPosts - 1)} final posts repeated, {clock.Elapsed.TotalSeconds:0.0} s");

            // The 5xx answers the parents retried, as the app logged them (method, route, status; no personal data).
            foreach (var message in app.Output.Split('\n').Select(l => RenderedMessage(l.Trim())).Where(m => m.Contains("responded 5", StringComparison.Ordinal)))
            {
                output.WriteLine(message);
            }

            var problems = new List<string>();
            problems.AddRange(outcomes.Where(o => o.Failure is not null).Select(o => $"parent #{o.Parent.Index} got no receipt: {o.Failure}"));
            problems.AddRange(await CountAgainstDatabaseAsync(connectionString, outcomes));
            // A database away for a while is a 503 with Retry-After (DatabaseUnavailable), never a 500 (issue 10).
            problems.AddRange(app.Output.Split('\n').Select(l => RenderedMessage(l.Trim())).Where(m => m.Contains("responded 500", StringComparison.Ordinal))
                .Select(m => $"a 500 where the database was away should be a 503: {m}"));
            problems.AddRange(parents
                .Where(p => app.Output.Contains(p.NationalIdentityNumber, StringComparison.Ordinal) || app.Output.Contains(p.ChildNationalIdentityNumber, StringComparison.Ordinal))
                .Select(p => $"the app's log contains a fødselsnummer of parent #{p.Index} or the child"));
            Assert.True(problems.Count == 0, $"{problems.Count} problem(s) after {string.Join("; ", injected)}:\n{string.Join('\n', problems)}\n\nThe app's last output:\n{app.Tail()}");
        }
        finally
        {
            await app.KillAsync();
        }
    }

    /// <summary>The rendered message of a compact JSON log line (CLEF: the template filled in), or the line as it is.</summary>
    private static string RenderedMessage(string line) => ClefLine.Render(line);

    /// <summary>Every receipt must be one row of the cases table (the same case), and each child must have exactly one submitted case.</summary>
    private static async Task<List<string>> CountAgainstDatabaseAsync(string connectionString, IReadOnlyList<Outcome> outcomes)
    {
        await using var db = PostgresServer.Context(connectionString);
        var numbered = await db.Cases.AsNoTracking().Where(c => c.CaseNumber != null).Select(c => new { c.Id, c.CaseNumber, c.State }).ToListAsync();
        var ids = numbered.Select(c => c.Id).ToList();
        var children = (await db.Applications.AsNoTracking().Where(a => ids.Contains(a.CaseId)).Select(a => new { a.CaseId, a.Content }).ToListAsync())
            .ToDictionary(a => a.CaseId, a => a.Content.Child?.NationalIdentityNumber);

        var problems = new List<string>();
        foreach (var outcome in outcomes.Where(o => o.CaseNumber is not null))
        {
            var rows = numbered.Where(c => c.CaseNumber!.ToString() == outcome.CaseNumber).ToList();
            if (rows.Count == 0)
            {
                problems.Add($"LOST: parent #{outcome.Parent.Index}'s receipt {outcome.CaseNumber} (case {outcome.CaseId}) is not in the cases table");
            }
            else if (rows.Count > 1 || rows[0].Id != outcome.CaseId)
            {
                problems.Add($"MISMATCH: parent #{outcome.Parent.Index}'s receipt {outcome.CaseNumber} (case {outcome.CaseId}) is on case(s) {string.Join(", ", rows.Select(r => r.Id))}");
            }
        }

        foreach (var outcome in outcomes)
        {
            var submitted = numbered.Where(c => children.GetValueOrDefault(c.Id) == outcome.Parent.ChildNationalIdentityNumber).ToList();
            if (submitted.Count > 1)
            {
                problems.Add($"DUPLICATE: the child of parent #{outcome.Parent.Index} has {submitted.Count} submitted cases: {string.Join(", ", submitted.Select(c => $"{c.CaseNumber} ({c.State})"))}");
            }
            else if (submitted.Count == 1 && outcome.CaseNumber is null)
            {
                problems.Add($"UNACKNOWLEDGED: the child of parent #{outcome.Parent.Index} has case {submitted[0].CaseNumber}, but the parent never saw its receipt");
            }
        }

        return problems;
    }
}
