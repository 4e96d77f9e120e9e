using System.Globalization;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.CaseworkerQueue;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Web.Auth;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// "Arbeidskø" (issue 5): the submitted cases of the caseworker's own municipality (from the sign-in's claim, never from
/// the address), filtered and sorted by the GET form, one keyset page at a time; a case is taken or given to a colleague
/// by POST. Malformed parameters are named on the page (400), never a 500.
/// </summary>
public sealed class SakerModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string OpenStates = "";
    public const string AllStates = "alle";
    public const string Unassigned = "ufordelt";
    public const string Mine = "mine";

    /// <summary>The values of the sort and due filters in the address, and what they mean.</summary>
    public static readonly IReadOnlyList<(string Value, QueueSort Sort, string TextKey)> Sorts =
        [("frist", QueueSort.DueDate, "QueueSortDue"), ("mottatt", QueueSort.Submitted, "QueueSortSubmitted"), ("saksnummer", QueueSort.CaseNumber, "QueueSortCaseNumber")];

    public static readonly IReadOnlyList<(string Value, DueFilter Due, string TextKey)> DueFilters =
        [("", DueFilter.Any, "QueueDueAny"), ("forfalt", DueFilter.Overdue, "QueueDueOverdue"), ("snart", DueFilter.DueSoon, "QueueDueSoon")];

    public static readonly IReadOnlyList<(string Value, bool Descending, string TextKey)> Directions =
        [("stigende", false, "QueueAscending"), ("synkende", true, "QueueDescending")];

    /// <summary>Which query field each address parameter feeds, for the handler's own validation errors.</summary>
    private static readonly Dictionary<string, string> FieldOfQuery = new()
    {
        [nameof(ListWorkQueueQuery.States)] = "status",
        [nameof(ListWorkQueueQuery.SchoolId)] = "skole",
        [nameof(ListWorkQueueQuery.Grade)] = "trinn",
        [nameof(ListWorkQueueQuery.Colleague)] = "saksbehandler",
        [nameof(ListWorkQueueQuery.Assignee)] = "saksbehandler",
        [nameof(ListWorkQueueQuery.Due)] = "frist",
        [nameof(ListWorkQueueQuery.Sort)] = "sorter",
        [nameof(ListWorkQueueQuery.After)] = "etter",
        [nameof(ListWorkQueueQuery.PageSize)] = "antall",
    };

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "skole")]
    public string? School { get; set; }

    [BindProperty(SupportsGet = true, Name = "trinn")]
    public string? Grade { get; set; }

    [BindProperty(SupportsGet = true, Name = "saksbehandler")]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true, Name = "frist")]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true, Name = "sorter")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "retning")]
    public string? Direction { get; set; }

    [BindProperty(SupportsGet = true, Name = "etter")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "antall")]
    public string? PageSize { get; set; }

    /// <summary>Set after an assignment, shown once at the top.</summary>
    [TempData]
    public string? Notice { get; set; }

    public WorkQueuePage Queue { get; private set; } = null!;

    public Guid StaffUserId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Scope() is not { } scope)
        {
            return Forbid();
        }

        var query = Parse(scope);
        Queue = await sender.Send(ModelState.IsValid ? query : new ListWorkQueueQuery(scope), cancellationToken);
        foreach (var (field, _) in Queue.Errors)
        {
            AddError(FieldOfQuery.GetValueOrDefault(field, string.Empty));
        }

        if (School is { Length: > 0 } && ModelState.IsValid && Queue.Schools.All(s => s.Id != query.SchoolId))
        {
            AddError("skole");
        }

        if (query.Assignee == AssigneeFilter.Colleague && ModelState.IsValid && Queue.Caseworkers.All(c => c.Id != query.Colleague))
        {
            AddError("saksbehandler");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public Task<IActionResult> OnPostTakeAsync(Guid sak, CancellationToken cancellationToken) =>
        AssignAsync(sak, StaffUserIdOrEmpty(), cancellationToken);

    public Task<IActionResult> OnPostGiveAsync(Guid sak, Guid? til, CancellationToken cancellationToken) =>
        AssignAsync(sak, til ?? Guid.Empty, cancellationToken);

    /// <summary>The address of this list with the same filters (and <paramref name="after"/> as the cursor).</summary>
    public string ListUrl(string? after = null)
    {
        var query = new QueryBuilder();
        foreach (var (name, value) in new[] { ("status", Status), ("skole", School), ("trinn", Grade), ("saksbehandler", Assignee), ("frist", Due), ("sorter", Sort), ("retning", Direction), ("antall", PageSize), ("etter", after) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name, value);
            }
        }

        return "/ansatt/saker" + query.ToQueryString();
    }

    /// <summary>Where an assignment form posts: this list's address with the handler, so the list comes back as it was.</summary>
    public string PostUrl(string handler) => ListUrl(After) + (ListUrl(After).Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;

    /// <summary>A state in the caseworker's words; most are the parent's words too (CaseState_*).</summary>
    public string StateText(CaseState state) => CaseStateTexts.ForStaff(text, state);

    private async Task<IActionResult> AssignAsync(Guid caseId, Guid assignee, CancellationToken cancellationToken)
    {
        if (Scope() is not { } scope)
        {
            return Forbid();
        }

        var result = await sender.Send(new AssignCaseCommand(scope, caseId, assignee), cancellationToken);
        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        // The list's own notices: the assignee not a colleague (invalid), the case not open (refused), a conflict.
        Notice = result.IsOk
            ? text["QueueAssigned", result.Value.CaseNumber, result.Value.Assignee.DisplayName].Value
            : result.Failure switch
            {
                Failure.Invalid => text["QueueNotAColleague"].Value,
                Failure.Refused => text["QueueNotOpen"].Value,
                Failure.Conflict => text["QueueConflict"].Value,
                _ => null,
            };
        return Redirect(ListUrl(After));
    }

    private CaseworkerScope? Scope()
    {
        StaffUserId = StaffUserIdOrEmpty();
        var municipality = User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber);
        return StaffUserId == Guid.Empty || string.IsNullOrEmpty(municipality) ? null : new CaseworkerScope(StaffUserId, municipality);
    }

    private Guid StaffUserIdOrEmpty() => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The address's parameters as a query; each one that does not parse is named on the page.</summary>
    private ListWorkQueueQuery Parse(CaseworkerScope scope)
    {
        var query = new ListWorkQueueQuery(scope, After: string.IsNullOrEmpty(After) ? null : After);
        query = (Status ?? OpenStates) switch
        {
            OpenStates => query,
            AllStates => query with { States = WorkQueueChoices.QueueStates },
            var s when Enum.TryParse<CaseState>(s, out var state) && WorkQueueChoices.QueueStates.Contains(state) && s == state.ToString() => query with { States = [state] },
            _ => Invalid(query, "status"),
        };
        query = string.IsNullOrEmpty(School) ? query
            : Guid.TryParse(School, out var school) ? query with { SchoolId = school } : Invalid(query, "skole");
        query = string.IsNullOrEmpty(Grade) ? query
            : int.TryParse(Grade, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && grade is >= 1 and <= 10 ? query with { Grade = grade } : Invalid(query, "trinn");
        query = (Assignee ?? string.Empty) switch
        {
            "" => query,
            Unassigned => query with { Assignee = AssigneeFilter.Unassigned },
            Mine => query with { Assignee = AssigneeFilter.Mine },
            var a when Guid.TryParse(a, out var colleague) => query with { Assignee = AssigneeFilter.Colleague, Colleague = colleague },
            _ => Invalid(query, "saksbehandler"),
        };
        query = Choose(DueFilters, Due ?? string.Empty, "frist") is { } due ? query with { Due = due.Due } : query;
        query = Choose(Sorts, Sort ?? Sorts[0].Value, "sorter") is { } sort ? query with { Sort = sort.Sort } : query;
        query = Choose(Directions, Direction ?? Directions[0].Value, "retning") is { } direction ? query with { Descending = direction.Descending } : query;
        return string.IsNullOrEmpty(PageSize) ? query
            : int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= WorkQueueChoices.MaxPageSize
                ? query with { PageSize = size } : Invalid(query, "antall");
    }

    private T? Choose<T>(IReadOnlyList<T> options, string value, string field)
        where T : struct, System.Runtime.CompilerServices.ITuple
    {
        foreach (var option in options)
        {
            if ((string)option[0]! == value)
            {
                return option;
            }
        }

        AddError(field);
        return null;
    }

    private ListWorkQueueQuery Invalid(ListWorkQueueQuery query, string field)
    {
        AddError(field);
        return query;
    }

    /// <summary>One message per field; the cursor and page size have no field of their own, so they go to the top.</summary>
    private void AddError(string field)
    {
        var key = field is "etter" or "antall" or "" ? string.Empty : field;
        var message = text["QueueInvalid_" + (field.Length == 0 ? "etter" : field)].Value;
        if (!ModelState.TryGetValue(key, out var entry) || entry.Errors.All(e => e.ErrorMessage != message))
        {
            ModelState.AddModelError(key, message);
        }
    }
}
