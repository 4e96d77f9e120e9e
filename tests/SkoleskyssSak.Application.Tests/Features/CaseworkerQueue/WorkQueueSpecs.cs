using SkoleskyssSak.Application.Features.CaseworkerQueue;
using SkoleskyssSak.Application.Tests.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using static SkoleskyssSak.Application.Tests.Features.CaseworkerQueue.QueueTestData;

namespace SkoleskyssSak.Application.Tests.Features.CaseworkerQueue;

/// <summary>One database with the seeded cases of <see cref="QueueTestData"/>, read by every spec of the class.</summary>
public sealed class QueueFixture : IAsyncLifetime
{
    public ApplicationTestApp App { get; private set; } = null!;

    public IReadOnlyList<SeededCase> Cases { get; private set; } = [];

    public async Task InitializeAsync()
    {
        App = await ApplicationTestApp.CreateAsync("work_queue");
        await AddStaffAsync(App);
        Cases = await AddCasesAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public Task<WorkQueuePage> ListAsync(ListWorkQueueQuery query) =>
        App.SendAsync(query);

    /// <summary>Every page, following the cursors; fails on a page that is too long or on a loop.</summary>
    public async Task<List<WorkQueueItem>> AllPagesAsync(ListWorkQueueQuery query)
    {
        var items = new List<WorkQueueItem>();
        string? after = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await ListAsync(query with { After = after });
            Assert.Empty(page.Errors);
            Assert.True(page.Items.Count <= query.PageSize);
            items.AddRange(page.Items);
            if (page.NextCursor is null)
            {
                return items;
            }

            Assert.Equal(query.PageSize, page.Items.Count);
            after = page.NextCursor;
        }

        throw new Xunit.Sdk.XunitException("The cursors never ended.");
    }
}

/// <summary>The caseworker's work queue (issue 5) against PostgreSQL: filters, sorts, keyset pages, counts, scope.</summary>
public sealed class WorkQueueSpecs(QueueFixture fixture) : IClassFixture<QueueFixture>
{
    private IEnumerable<SeededCase> Melhus => fixture.Cases.Where(c => c.Municipality == "5028");

    private IEnumerable<SeededCase> MelhusOpen => Melhus.Where(c => WorkQueueChoices.OpenStates.Contains(c.State));

    [Fact]
    public async Task By_default_the_open_cases_of_the_own_municipality_by_due_date_first_page()
    {
        var page = await fixture.ListAsync(new ListWorkQueueQuery(MortenScope, PageSize: 5));

        Assert.Empty(page.Errors);
        Assert.Equal(Expected(MelhusOpen, QueueSort.DueDate, false).Take(5), page.Items.Select(i => i.CaseId));
        Assert.NotNull(page.NextCursor);
        var first = page.Items[0];
        var seeded = fixture.Cases.Single(c => c.Id == first.CaseId);
        Assert.Equal($"Elev{seeded.Number.Sequence}", first.ChildFirstName);
        Assert.Equal(seeded.School == ApplicationTestApp.GimseSkole ? "Gimse skole" : "Eid skole", first.SchoolName);
        Assert.Equal(DueStatus.Overdue, first.DueStatus);
    }

    [Theory]
    [InlineData(QueueSort.DueDate, false)]
    [InlineData(QueueSort.DueDate, true)]
    [InlineData(QueueSort.Submitted, false)]
    [InlineData(QueueSort.Submitted, true)]
    [InlineData(QueueSort.CaseNumber, false)]
    [InlineData(QueueSort.CaseNumber, true)]
    public async Task Every_sort_pages_through_all_cases_without_duplicates_or_gaps(QueueSort sort, bool descending)
    {
        var all = await fixture.AllPagesAsync(new ListWorkQueueQuery(MortenScope, Sort: sort, Descending: descending, PageSize: 3));

        Assert.Equal(Expected(MelhusOpen, sort, descending), all.Select(i => i.CaseId));
    }

    [Fact]
    public async Task Paging_over_every_state_including_closed_ones_misses_nothing()
    {
        var all = await fixture.AllPagesAsync(new ListWorkQueueQuery(MortenScope, States: WorkQueueChoices.QueueStates, PageSize: 4));

        Assert.Equal(Expected(Melhus, QueueSort.DueDate, false), all.Select(i => i.CaseId));
    }

    public static TheoryData<string> Filters => new() { "decided", "two-states", "school", "grade", "unassigned", "mine", "colleague", "overdue", "due-soon", "school+mine+overdue" };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_gives_exactly_the_matching_cases(string filter)
    {
        var (query, expected) = filter switch
        {
            "decided" => (new ListWorkQueueQuery(MortenScope, States: [CaseState.Decided]), Melhus.Where(c => c.State == CaseState.Decided)),
            "two-states" => (new ListWorkQueueQuery(MortenScope, States: [CaseState.InAssessment, CaseState.Withdrawn]), Melhus.Where(c => c.State is CaseState.InAssessment or CaseState.Withdrawn)),
            "school" => (new ListWorkQueueQuery(MortenScope, SchoolId: EidSkole), MelhusOpen.Where(c => c.School == EidSkole)),
            "grade" => (new ListWorkQueueQuery(MortenScope, Grade: 3), MelhusOpen.Where(c => c.Grade == 3)),
            "unassigned" => (new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Unassigned), MelhusOpen.Where(c => c.AssignedTo is null)),
            "mine" => (new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Mine), MelhusOpen.Where(c => c.AssignedTo == Morten)),
            "colleague" => (new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Colleague, Colleague: Mari), MelhusOpen.Where(c => c.AssignedTo == Mari)),
            "overdue" => (new ListWorkQueueQuery(MortenScope, Due: DueFilter.Overdue), MelhusOpen.Where(c => c.DueDate < Today)),
            "due-soon" => (new ListWorkQueueQuery(MortenScope, Due: DueFilter.DueSoon), MelhusOpen.Where(c => c.DueDate >= Today && c.DueDate <= Today.AddDays(7))),
            _ => (new ListWorkQueueQuery(MortenScope, SchoolId: GimseOrEid(), Assignee: AssigneeFilter.Mine, Due: DueFilter.Overdue),
                MelhusOpen.Where(c => c.School == GimseOrEid() && c.AssignedTo == Morten && c.DueDate < Today)),
        };
        var expectedIds = Expected(expected, QueueSort.DueDate, false);
        Assert.NotEmpty(expectedIds);

        var all = await fixture.AllPagesAsync(query with { PageSize = 2 });

        Assert.Equal(expectedIds, all.Select(i => i.CaseId));
    }

    [Fact]
    public async Task Overdue_and_soon_due_cases_are_marked()
    {
        var all = await fixture.AllPagesAsync(new ListWorkQueueQuery(MortenScope, PageSize: 100));

        Assert.All(all, i => Assert.Equal(i.DueDate < Today ? DueStatus.Overdue : i.DueDate <= Today.AddDays(7) ? DueStatus.DueSoon : DueStatus.NotDue, i.DueStatus));
        Assert.Contains(all, i => i.DueStatus == DueStatus.Overdue);
        Assert.Contains(all, i => i.DueStatus == DueStatus.DueSoon);
    }

    [Fact]
    public async Task Counts_per_state_cover_the_municipalitys_submitted_cases_only()
    {
        var page = await fixture.ListAsync(new ListWorkQueueQuery(MortenScope));

        var expected = Melhus.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), page.Counts.OrderBy(e => e.Key));
        Assert.False(page.Counts.ContainsKey(CaseState.Draft));
    }

    [Fact]
    public async Task A_Sunnfjord_caseworker_sees_only_Sunnfjord_and_a_Melhus_caseworker_never_sees_Sunnfjord()
    {
        var sunnfjord = await fixture.AllPagesAsync(new ListWorkQueueQuery(SolveigScope, States: WorkQueueChoices.QueueStates, PageSize: 100));
        var melhus = await fixture.AllPagesAsync(new ListWorkQueueQuery(MortenScope, States: WorkQueueChoices.QueueStates, PageSize: 100));

        Assert.Equal(fixture.Cases.Where(c => c.Municipality == "4647").Select(c => c.Id).Order(), sunnfjord.Select(i => i.CaseId).Order());
        Assert.DoesNotContain(melhus, i => fixture.Cases.Single(c => c.Id == i.CaseId).Municipality != "5028");
        var page = await fixture.ListAsync(new ListWorkQueueQuery(SolveigScope));
        Assert.Equal(["Bygstad skule", "Naustdal skule"], page.Schools.Select(s => s.Name));
        Assert.Equal([Solveig], page.Caseworkers.Select(s => s.Id));
        // Filtering on a Melhus school or caseworker from Sunnfjord finds nothing.
        Assert.Empty((await fixture.ListAsync(new ListWorkQueueQuery(SolveigScope, SchoolId: EidSkole))).Items);
        Assert.Empty((await fixture.ListAsync(new ListWorkQueueQuery(SolveigScope, Assignee: AssigneeFilter.Colleague, Colleague: Morten))).Items);
    }

    [Fact]
    public async Task The_assignee_is_named_from_the_municipalitys_caseworkers()
    {
        var page = await fixture.ListAsync(new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Colleague, Colleague: Mari, PageSize: 1));

        Assert.Equal("Mari Saksbehandler", page.Items.Single().AssignedTo!.DisplayName);
        Assert.Equal(["Mari Saksbehandler", "Morten Saksbehandler"], page.Caseworkers.Select(c => c.DisplayName));
    }

    public static TheoryData<string> InvalidQueries => new() { "page-size-0", "page-size-101", "grade-11", "draft", "colleague-missing", "cursor-garbage", "cursor-other-sort", "sort-unknown" };

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task An_invalid_query_names_the_field_and_lists_nothing(string what)
    {
        var cursor = (await fixture.ListAsync(new ListWorkQueueQuery(MortenScope, PageSize: 2))).NextCursor;
        var (query, field) = what switch
        {
            "page-size-0" => (new ListWorkQueueQuery(MortenScope, PageSize: 0), nameof(ListWorkQueueQuery.PageSize)),
            "page-size-101" => (new ListWorkQueueQuery(MortenScope, PageSize: 101), nameof(ListWorkQueueQuery.PageSize)),
            "grade-11" => (new ListWorkQueueQuery(MortenScope, Grade: 11), nameof(ListWorkQueueQuery.Grade)),
            "draft" => (new ListWorkQueueQuery(MortenScope, States: [CaseState.Draft]), nameof(ListWorkQueueQuery.States)),
            "colleague-missing" => (new ListWorkQueueQuery(MortenScope, Assignee: AssigneeFilter.Colleague), nameof(ListWorkQueueQuery.Colleague)),
            "cursor-garbage" => (new ListWorkQueueQuery(MortenScope, After: "not a cursor!"), nameof(ListWorkQueueQuery.After)),
            "cursor-other-sort" => (new ListWorkQueueQuery(MortenScope, Sort: QueueSort.CaseNumber, After: cursor), nameof(ListWorkQueueQuery.After)),
            _ => (new ListWorkQueueQuery(MortenScope, Sort: (QueueSort)7), nameof(ListWorkQueueQuery.Sort)),
        };

        var page = await fixture.ListAsync(query);

        Assert.Contains(field, page.Errors.Keys);
        Assert.Empty(page.Items);
        Assert.NotEmpty(page.Counts);
    }

    private static Guid GimseOrEid() => ApplicationTestApp.GimseSkole;

    /// <summary>The order PostgreSQL gives: the sort key, then the uuid (compared as its lowercase text).</summary>
    private static List<Guid> Expected(IEnumerable<SeededCase> cases, QueueSort sort, bool descending)
    {
        Func<SeededCase, IComparable> key = sort switch
        {
            QueueSort.DueDate => c => c.DueDate,
            QueueSort.Submitted => c => c.SubmittedAt,
            _ => c => c.Number.ToString(),
        };
        var ordered = descending
            ? cases.OrderByDescending(key).ThenByDescending(c => c.Id.ToString(), StringComparer.Ordinal)
            : cases.OrderBy(key).ThenBy(c => c.Id.ToString(), StringComparer.Ordinal);
        return ordered.Select(c => c.Id).ToList();
    }
}
