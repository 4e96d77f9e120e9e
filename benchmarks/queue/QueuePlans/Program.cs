using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.CaseworkerQueue;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.Persistence;

// Usage: QueuePlans <connection string of an empty database> <report.md> [cases in Melhus, default 100000]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: QueuePlans <connection string> <report.md> [cases]");
    return 2;
}

var cases = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
var now = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Database"] = args[0],
    ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "ssk-queue-bench-mail"),
    ["Security:CitizenPseudonym:Key"] = "queue-benchmark-only-pseudonym-key-0123456789",
}).Build();
var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IConfiguration>(configuration);
services.AddInfrastructure(configuration);
services.AddApplication();
services.AddSingleton<TimeProvider>(new FixedClock(now));
services.AddScoped<ICurrentActor, BenchmarkActor>();
await using var provider = services.BuildServiceProvider();

var caseworkers = Enumerable.Range(1, 10).Select(i => Guid.Parse($"0195c000-0000-7000-8000-{i:D12}")).ToList();
var sunnfjordCaseworkers = Enumerable.Range(11, 3).Select(i => Guid.Parse($"0195c000-0000-7000-8000-{i:D12}")).ToList();
var stopwatch = Stopwatch.StartNew();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.MigrateAsync();
    await SeedAsync(db, cases, caseworkers, sunnfjordCaseworkers);
}

var seeded = stopwatch.Elapsed;
var report = new StringBuilder();
var me = new CaseworkerScope(caseworkers[0], "5028");
var today = new DateOnly(2026, 11, 21);
var school = await ScalarAsync<Guid>("SELECT id AS \"Value\" FROM schools WHERE municipality_number = '5028' ORDER BY name LIMIT 1");
var deepPages = Math.Max(1, Math.Min(400, cases / 250));
var deepCursor = await CursorAfterPagesAsync(new ListWorkQueueQuery(me), deepPages);
(string Name, ListWorkQueueQuery Query)[] scenarios =
[
    ("Default: open cases, by due date, page 1", new ListWorkQueueQuery(me)),
    ($"Open cases, page {deepPages + 1} ({deepPages * 50:N0} rows deep, keyset cursor)", new ListWorkQueueQuery(me, After: deepCursor)),
    ("One state (Submitted), by submission time, newest first", new ListWorkQueueQuery(me, States: [CaseState.Submitted], Sort: QueueSort.Submitted, Descending: true)),
    ("All states, by case number", new ListWorkQueueQuery(me, States: WorkQueueChoices.QueueStates, Sort: QueueSort.CaseNumber)),
    ("Mine (assigned to me), by due date", new ListWorkQueueQuery(me, Assignee: AssigneeFilter.Mine)),
    ("Unassigned, overdue", new ListWorkQueueQuery(me, Assignee: AssigneeFilter.Unassigned, Due: DueFilter.Overdue)),
    ("One school, grade 3, due within 7 days", new ListWorkQueueQuery(me, SchoolId: school, Grade: 3, Due: DueFilter.DueSoon)),
    ("Closed cases (one large state), by due date, 100 per page", new ListWorkQueueQuery(me, States: [CaseState.Closed], PageSize: 100)),
];

report.AppendLine(CultureInfo.InvariantCulture, $"Data: {cases:N0} cases in Melhus (5028), {cases / 5:N0} in Sunnfjord (4647); seeded and analysed in {seeded.TotalSeconds:0.0} s.");
report.AppendLine(CultureInfo.InvariantCulture, $"Melhus per state: {string.Join(", ", (await CountsAsync()).Select(c => $"{c.State} {c.Count:N0}"))}.");
report.AppendLine();
report.AppendLine("| query | rows | handler, whole page: median | p95 | plan: execution time |");
report.AppendLine("|---|---:|---:|---:|---:|");
var plans = new StringBuilder();
foreach (var (name, query) in scenarios)
{
    var (median, p95, rows) = await TimeHandlerAsync(query);
    var plan = await ExplainAsync(db => WorkQueueQueries.Page(db, query, today).CreateDbCommand());
    report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {rows} | {median:0.00} ms | {p95:0.00} ms | {ExecutionTime(plan)} |");
    plans.AppendLine(CultureInfo.InvariantCulture, $"#### {name}\n\n```\n{plan}```\n");
}

var countsPlan = await ExplainAsync(db => WorkQueueQueries.Counts(db, "5028").CreateDbCommand());
report.AppendLine(CultureInfo.InvariantCulture, $"| Counts per state (part of every page above) | – | – | – | {ExecutionTime(countsPlan)} |");
plans.AppendLine(CultureInfo.InvariantCulture, $"#### Counts per state\n\n```\n{countsPlan}```\n");
report.AppendLine().Append(plans);
await File.WriteAllTextAsync(args[1], report.ToString());
Console.WriteLine(report);
return 0;

async Task<(double Median, double P95, int Rows)> TimeHandlerAsync(ListWorkQueueQuery query)
{
    var times = new List<double>();
    var rows = 0;
    for (var run = 0; run < 35; run++)
    {
        await using var scope = provider.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<Mediator.ISender>(); // the queue page's path: handler and read audit
        var started = Stopwatch.GetTimestamp();
        var page = await handler.Send(query, default);
        if (page.Errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", page.Errors.Keys));
        }

        rows = page.Items.Count;
        if (run >= 5)
        {
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    times.Sort();
    return (times[times.Count / 2], times[(int)(times.Count * 0.95)], rows);
}

async Task<string> CursorAfterPagesAsync(ListWorkQueueQuery query, int pages)
{
    string? after = null;
    for (var i = 0; i < pages; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        after = (await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(query with { After = after }, default)).NextCursor
            ?? throw new InvalidOperationException("Fewer pages than asked for.");
    }

    return after!;
}

async Task<string> ExplainAsync(Func<AppDbContext, System.Data.Common.DbCommand> command)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.OpenConnectionAsync();
    await using var explain = command(db);
    explain.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + explain.CommandText;
    var text = new StringBuilder();
    await using var reader = await explain.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        text.AppendLine(reader.GetString(0));
    }

    return text.ToString();
}

async Task<T> ScalarAsync<T>(string sql)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    return await db.Database.SqlQueryRaw<T>(sql).SingleAsync();
}

async Task<List<StateCount>> CountsAsync()
{
    await using var scope = provider.CreateAsyncScope();
    var counts = await WorkQueueQueries.Counts(scope.ServiceProvider.GetRequiredService<AppDbContext>(), "5028").ToListAsync();
    return counts.OrderByDescending(c => c.Count).ToList();
}

static string ExecutionTime(string plan) =>
    plan.Split('\n').FirstOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal))?.Replace("Execution Time: ", string.Empty, StringComparison.Ordinal).Trim() ?? "?";

static async Task SeedAsync(AppDbContext db, int cases, List<Guid> caseworkers, List<Guid> sunnfjordCaseworkers)
{
    db.Municipalities.AddRange(
        new Municipality("5028", "Melhus", "Trøndelag", LanguageForm.Bokmal, "Melhus kommune"),
        new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Sunnfjord kommune"));
    for (var i = 0; i < 20; i++)
    {
        db.Schools.Add(new School(Guid.CreateVersion7(), "5028", $"Skole {i + 1:D2}", 1, 10, isPrivate: false));
    }

    for (var i = 0; i < 5; i++)
    {
        db.Schools.Add(new School(Guid.CreateVersion7(), "4647", $"Skule {i + 1:D2}", 1, 10, isPrivate: false));
    }

    var role = new IdentityRole<Guid>(StaffRole.Caseworker) { Id = Guid.CreateVersion7(), NormalizedName = StaffRole.Caseworker.ToUpperInvariant() };
    db.Roles.Add(role);
    foreach (var (id, municipality) in caseworkers.Select(id => (id, "5028")).Concat(sunnfjordCaseworkers.Select(id => (id, "4647"))))
    {
        db.Users.Add(new StaffUser { Id = id, UserName = id.ToString(), DisplayName = "Saksbehandler " + id.ToString()[^2..], MunicipalityNumber = municipality });
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = role.Id });
    }

    await db.SaveChangesAsync();
    await InsertCasesAsync(db, "5028", cases);
    await InsertCasesAsync(db, "4647", cases / 5);
    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
}

// One case every 10 minutes back from 20 November 2026 (about 2 years for 100,000); states spread like a busy
// municipality with a backlog: 41 % open, the rest decided, under appeal, withdrawn or closed; 30 % unassigned;
// school, grade, state and caseworker drawn independently (random() with a fixed seed).
static async Task InsertCasesAsync(AppDbContext db, string municipality, int count)
{
    var sql = $$"""
        SELECT setseed(0.42);
        CREATE TEMP TABLE bench_cases ON COMMIT DROP AS
        SELECT g.i, gen_random_uuid() AS id, ts AS submitted_at,
               (SELECT array_agg(id ORDER BY name) FROM schools WHERE municipality_number = '{{municipality}}')[1 + floor(random() * (SELECT count(*) FROM schools WHERE municipality_number = '{{municipality}}'))::int] AS school_id,
               1 + floor(random() * 10)::int AS grade,
               CASE WHEN random() < 0.3 THEN NULL
                    ELSE (SELECT array_agg(id ORDER BY id) FROM staff_users WHERE municipality_number = '{{municipality}}')[1 + floor(random() * (SELECT count(*) FROM staff_users WHERE municipality_number = '{{municipality}}'))::int] END AS assigned_to,
               CASE WHEN p < 15 THEN 'Submitted' WHEN p < 30 THEN 'InAssessment' WHEN p < 35 THEN 'AwaitingInformation'
                    WHEN p < 37 THEN 'ReferredToCounty' WHEN p < 40 THEN 'AppealReceived' WHEN p < 41 THEN 'FirstInstanceReview'
                    WHEN p < 61 THEN 'Decided' WHEN p < 63 THEN 'ForwardedToAppealBody' WHEN p < 64 THEN 'AppealDecided'
                    WHEN p < 69 THEN 'Withdrawn' ELSE 'Closed' END AS state
        FROM generate_series(1, {{count}}) AS g(i),
             LATERAL (SELECT timestamptz '2026-11-20 12:00+00' - ({{count}} - g.i) * interval '10 minutes' AS ts, floor(random() * 100)::int AS p) x;
        INSERT INTO cases (id, municipality_number, case_number, state, created_at, school_id, grade, submitted_at, due_date, assigned_to)
        SELECT id, '{{municipality}}',
               to_char(submitted_at AT TIME ZONE 'Europe/Oslo', 'YYYY') || '/' || lpad((row_number() OVER (PARTITION BY date_part('year', submitted_at AT TIME ZONE 'Europe/Oslo') ORDER BY i))::text, 5, '0'),
               state, submitted_at - interval '1 hour', school_id, grade, submitted_at, (submitted_at AT TIME ZONE 'Europe/Oslo')::date + 56, assigned_to
        FROM bench_cases;
        INSERT INTO applications (case_id, applicant_pseudonym, content, updated_at)
        SELECT id, 'c-benchmark', jsonb_build_object('child', jsonb_build_object('name', 'Elev' || i || ' Etternavn', 'nationalIdentityNumber', '15031750005',
               'grade', grade, 'schoolId', school_id, 'schoolYearStart', 2026)), submitted_at
        FROM bench_cases;
        """;
    await using var transaction = await db.Database.BeginTransactionAsync();
    await db.Database.ExecuteSqlRawAsync(sql);
    await transaction.CommitAsync();
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class BenchmarkActor : ICurrentActor
{
    public string ActorId => "queue-benchmark";

    public string ActorKind => "Staff";

    public string? TraceId => null;
}
