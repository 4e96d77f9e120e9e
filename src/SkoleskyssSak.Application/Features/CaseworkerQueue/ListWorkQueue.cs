using System.Linq.Expressions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.CaseworkerQueue;

/// <summary>
/// The caseworker's work queue (issue 5): submitted cases of the caseworker's own municipality, filtered, sorted and
/// paged by keyset (sort key, id) so that a page costs the same on page 1 and page 1,000 of 100,000 cases.
/// </summary>
/// <param name="States">The states to show; empty for <see cref="WorkQueueChoices.OpenStates"/>.</param>
/// <param name="Colleague">The caseworker whose cases to show when <paramref name="Assignee"/> is <see cref="AssigneeFilter.Colleague"/>.</param>
/// <param name="After">The cursor of the previous page's last row (<see cref="WorkQueuePage.NextCursor"/>).</param>
public sealed record ListWorkQueueQuery(
    CaseworkerScope Scope,
    IReadOnlyList<CaseState>? States = null,
    Guid? SchoolId = null,
    int? Grade = null,
    AssigneeFilter Assignee = AssigneeFilter.Anyone,
    Guid? Colleague = null,
    DueFilter Due = DueFilter.Any,
    QueueSort Sort = QueueSort.DueDate,
    bool Descending = false,
    string? After = null,
    int PageSize = WorkQueueChoices.DefaultPageSize) : IQuery<WorkQueuePage>, IAuditedRead
{
    public string ReadAction => "WorkQueueRead";

    public string AuditObjectType => "WorkQueue";

    public string AuditObjectId => Scope.MunicipalityNumber;
}

/// <summary>One case in the queue. Only the child's first name: enough to tell cases apart on the screen.</summary>
public sealed record WorkQueueItem(
    Guid CaseId,
    CaseNumber CaseNumber,
    string ChildFirstName,
    string SchoolName,
    int Grade,
    CaseState State,
    DateTimeOffset SubmittedAt,
    DateOnly DueDate,
    DueStatus DueStatus,
    StaffMember? AssignedTo,
    bool DraftAwaitsApproval = false);

/// <param name="Items">The page; empty when the query is invalid.</param>
/// <param name="NextCursor">The cursor of the next page, or null on the last page.</param>
/// <param name="Counts">Cases of the municipality per state (all submitted cases, whatever the filters).</param>
/// <param name="Schools">The municipality's schools, for the filter.</param>
/// <param name="Caseworkers">The municipality's caseworkers, for the filter and for assigning.</param>
/// <param name="Errors">Why the query is invalid, by field of the query; empty when it is valid.</param>
public sealed record WorkQueuePage(
    IReadOnlyList<WorkQueueItem> Items,
    string? NextCursor,
    IReadOnlyDictionary<CaseState, int> Counts,
    IReadOnlyList<(Guid Id, string Name)> Schools,
    IReadOnlyList<StaffMember> Caseworkers,
    DateOnly Today,
    IReadOnlyDictionary<string, string[]> Errors);

/// <summary>The columns of a case the queue reads.</summary>
public sealed record WorkQueueRow(Guid Id, CaseNumber? CaseNumber, CaseState State, Guid? SchoolId, int? Grade, DateTimeOffset? SubmittedAt, DateOnly? DueDate, Guid? AssignedTo);

/// <summary>Structure only; the page explains each field in Norwegian.</summary>
public sealed class ListWorkQueueValidator : AbstractValidator<ListWorkQueueQuery>
{
    public ListWorkQueueValidator()
    {
        RuleFor(q => q.PageSize).InclusiveBetween(1, WorkQueueChoices.MaxPageSize);
        RuleFor(q => q.Grade).InclusiveBetween(1, 10).When(q => q.Grade is not null);
        RuleFor(q => q.States).Must(s => s is null || s.All(WorkQueueChoices.QueueStates.Contains));
        RuleFor(q => q.Colleague).NotNull().When(q => q.Assignee == AssigneeFilter.Colleague);
        RuleFor(q => q.Assignee).IsInEnum();
        RuleFor(q => q.Due).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.After).Must((q, after) => after is null || QueueCursor.Decode(after, q.Sort, q.Descending) is not null);
    }
}

/// <summary>
/// The queue of the caseworker's municipality. A query that returns no failure: an invalid filter still shows the counts
/// and the choices, with the filter's messages (<see cref="WorkQueuePage"/>), so its validator runs here.
/// </summary>
public sealed class ListWorkQueueHandler(IApplicationDbContext db, IStaffDirectory staff, IValidator<ListWorkQueueQuery> validator, TimeProvider clock)
    : IQueryHandler<ListWorkQueueQuery, WorkQueuePage>
{
    public async ValueTask<WorkQueuePage> Handle(ListWorkQueueQuery query, CancellationToken cancellationToken)
    {
        var municipality = query.Scope.MunicipalityNumber;
        var today = NorwegianTime.Today(clock.GetUtcNow());
        var caseworkers = await staff.CaseworkersOfAsync(municipality, cancellationToken);
        var schools = await Municipalities.MunicipalitySchools.OfMunicipality(db, municipality).ToListAsync(cancellationToken);
        var counts = (await WorkQueueQueries.Counts(db, municipality).ToListAsync(cancellationToken)).Where(c => c.Count > 0).ToDictionary(c => c.State, c => c.Count);
        var schoolList = schools.Select(s => (s.Id, s.Name)).ToList();

        var validation = await validator.ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
        {
            var errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
            return new WorkQueuePage([], null, counts, schoolList, caseworkers, today, errors);
        }

        var rows = await WorkQueueQueries.Page(db, query, today).ToListAsync(cancellationToken);
        var more = rows.Count > query.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var items = await DescribeAsync(rows, schoolList, caseworkers, today, cancellationToken);
        items = await MarkDraftsAwaitingApprovalAsync(items, municipality, cancellationToken);
        var next = more ? QueueCursor.After(query.Sort, query.Descending, rows[^1]).Encode() : null;
        return new WorkQueuePage(items, next, counts, schoolList, caseworkers, today, new Dictionary<string, string[]>());
    }

    /// <summary>
    /// Under four-eyes, the cases with a decision draft: a colleague who did not write it must approve and send it, so the
    /// queue tells them it waits.
    /// </summary>
    private async Task<List<WorkQueueItem>> MarkDraftsAwaitingApprovalAsync(List<WorkQueueItem> items, string municipality, CancellationToken cancellationToken)
    {
        var fourEyes = await db.Municipalities.AsNoTracking().Where(m => m.Number == municipality).Select(m => m.DecisionRequiresSecondApproval).SingleOrDefaultAsync(cancellationToken);
        if (!fourEyes || items.Count == 0)
        {
            return items;
        }

        var ids = items.Select(i => i.CaseId).ToList();
        var drafted = (await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.CaseId) && d.Status == DecisionStatus.Draft).Select(d => d.CaseId).ToListAsync(cancellationToken)).ToHashSet();
        return items.Select(i => drafted.Contains(i.CaseId) ? i with { DraftAwaitsApproval = true } : i).ToList();
    }

    /// <summary>The child's first name from the søknad, the school's and the assignee's names.</summary>
    private async Task<List<WorkQueueItem>> DescribeAsync(
        List<WorkQueueRow> rows,
        IReadOnlyList<(Guid Id, string Name)> schools,
        IReadOnlyList<StaffMember> caseworkers,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var applications = await db.Applications.AsNoTracking().Where(a => ids.Contains(a.CaseId)).ToDictionaryAsync(a => a.CaseId, a => a.Content, cancellationToken);
        var schoolNames = schools.ToDictionary(s => s.Id, s => s.Name);
        var staffById = caseworkers.ToDictionary(s => s.Id);
        return rows.Select(r => new WorkQueueItem(
                r.Id,
                r.CaseNumber!,
                applications.GetValueOrDefault(r.Id)?.Child?.FirstName() ?? string.Empty,
                schoolNames.GetValueOrDefault(r.SchoolId!.Value, string.Empty),
                r.Grade!.Value,
                r.State,
                r.SubmittedAt!.Value,
                r.DueDate!.Value,
                CaseDeadlines.StatusOn(r.DueDate!.Value, today),
                r.AssignedTo is { } a ? staffById.GetValueOrDefault(a) ?? new StaffMember(a, string.Empty) : null))
            .ToList();
    }
}

/// <summary>
/// The work queue's SQL, as LINQ. Public so that the benchmark (benchmarks/queue) runs EXPLAIN on exactly the
/// commands the handler sends.
/// </summary>
public static class WorkQueueQueries
{
    /// <summary>
    /// Submitted cases of a municipality per state: one count per state, each an index-only range scan of
    /// (municipality, state), so PostgreSQL never reads the table itself (a GROUP BY over a municipality that holds most
    /// of the table would be a sequential scan).
    /// </summary>
    public static IQueryable<StateCount> Counts(IApplicationDbContext db, string municipalityNumber)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<StateCount>? union = null;
        foreach (var state in WorkQueueChoices.QueueStates)
        {
            var count = db.Municipalities.AsNoTracking().Where(m => m.Number == municipalityNumber)
                .Select(_ => new StateCount { State = state, Count = db.Cases.Count(c => c.MunicipalityNumber == municipalityNumber && c.State == state) });
            union = union is null ? count : union.Concat(count);
        }

        return union!;
    }

    /// <summary>
    /// The SQL of one page. With several states, each state is its own keyset range of the (municipality, state, key,
    /// id) index, read in order and cut at one page, and the branches are merged (UNION ALL): never a sort of every
    /// open case.
    /// </summary>
    public static IQueryable<WorkQueueRow> Page(IApplicationDbContext db, ListWorkQueueQuery query, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var states = query.States is { Count: > 0 } chosen ? chosen.Distinct().ToList() : WorkQueueChoices.OpenStates;
        var cursor = query.After is null ? null : QueueCursor.Decode(query.After, query.Sort, query.Descending);
        IQueryable<SchoolTransportCase>? union = null;
        foreach (var state in states)
        {
            var branch = Ordered(Filtered(db, query, state, today, cursor), query).Take(query.PageSize + 1);
            union = union is null ? branch : union.Concat(branch);
        }

        var page = states.Count == 1 ? union! : Ordered(union!, query).Take(query.PageSize + 1);
        return page.Select(c => new WorkQueueRow(c.Id, c.CaseNumber, c.State, c.SchoolId, c.Grade, c.SubmittedAt, c.DueDate, c.AssignedTo));
    }

    private static IQueryable<SchoolTransportCase> Filtered(IApplicationDbContext db, ListWorkQueueQuery query, CaseState state, DateOnly today, QueueCursor? cursor)
    {
        var municipality = query.Scope.MunicipalityNumber;
        var cases = db.Cases.AsNoTracking().Where(c => c.MunicipalityNumber == municipality && c.State == state);
        if (query.SchoolId is { } school)
        {
            cases = cases.Where(c => c.SchoolId == school);
        }

        if (query.Grade is { } grade)
        {
            cases = cases.Where(c => c.Grade == grade);
        }

        Guid? assignee = query.Assignee switch
        {
            AssigneeFilter.Mine => query.Scope.StaffUserId,
            AssigneeFilter.Colleague => query.Colleague,
            _ => null,
        };
        cases = query.Assignee switch
        {
            AssigneeFilter.Unassigned => cases.Where(c => c.AssignedTo == null),
            AssigneeFilter.Mine or AssigneeFilter.Colleague => cases.Where(c => c.AssignedTo == assignee),
            _ => cases,
        };

        var soon = today.AddDays(CaseDeadlines.DueSoonDays);
        cases = query.Due switch
        {
            DueFilter.Overdue => cases.Where(c => c.DueDate < today),
            DueFilter.DueSoon => cases.Where(c => c.DueDate >= today && c.DueDate <= soon),
            _ => cases,
        };

        return cursor is null ? cases : query.Sort switch
        {
            QueueSort.DueDate => Seek(cases, c => c.DueDate, cursor.DueDate, cursor.Id, query.Descending),
            QueueSort.Submitted => Seek(cases, c => c.SubmittedAt, cursor.SubmittedAt, cursor.Id, query.Descending),
            _ => Seek(cases, c => c.CaseNumber, cursor.CaseNumber, cursor.Id, query.Descending),
        };
    }

    private static IQueryable<SchoolTransportCase> Ordered(IQueryable<SchoolTransportCase> cases, ListWorkQueueQuery query) => query.Sort switch
    {
        QueueSort.DueDate => Order(cases, c => c.DueDate, query.Descending),
        QueueSort.Submitted => Order(cases, c => c.SubmittedAt, query.Descending),
        _ => Order(cases, c => c.CaseNumber, query.Descending),
    };

    private static IOrderedQueryable<SchoolTransportCase> Order<TKey>(IQueryable<SchoolTransportCase> cases, Expression<Func<SchoolTransportCase, TKey>> key, bool descending) =>
        descending ? cases.OrderByDescending(key).ThenByDescending(c => c.Id) : cases.OrderBy(key).ThenBy(c => c.Id);

    /// <summary>
    /// The rows after (key, id) in the order of the page: <c>key &gt;= k AND (key &gt; k OR id &gt; i)</c> ascending, mirrored
    /// descending. The first conjunct bounds the index range; the values are parameters, not constants.
    /// </summary>
    private static IQueryable<SchoolTransportCase> Seek<TKey>(IQueryable<SchoolTransportCase> cases, Expression<Func<SchoolTransportCase, TKey>> key, TKey value, Guid id, bool descending)
    {
        var row = key.Parameters[0];
        Expression<Func<TKey>> keyValue = () => value;
        Expression<Func<Guid>> idValue = () => id;
        var idComparison = Expression.Call(Expression.Property(row, nameof(SchoolTransportCase.Id)), typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, idValue.Body);
        var bound = descending ? Expression.LessThanOrEqual(key.Body, keyValue.Body) : Expression.GreaterThanOrEqual(key.Body, keyValue.Body);
        var beyond = descending ? Expression.LessThan(key.Body, keyValue.Body) : Expression.GreaterThan(key.Body, keyValue.Body);
        var idBeyond = descending ? Expression.LessThan(idComparison, Expression.Constant(0)) : Expression.GreaterThan(idComparison, Expression.Constant(0));
        var predicate = Expression.AndAlso(bound, Expression.OrElse(beyond, idBeyond));
        return cases.Where(Expression.Lambda<Func<SchoolTransportCase, bool>>(predicate, row));
    }
}

public sealed record StateCount
{
    public CaseState State { get; init; }

    public int Count { get; init; }
}
