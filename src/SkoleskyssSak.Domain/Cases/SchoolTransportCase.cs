using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// A case (sak) about free school transport on a particularly dangerous or difficult route (opplæringslova § 4-1
/// second paragraph) for one pupil: from the guardian's draft through the enkeltvedtak and any appeal to its close.
/// Its state changes only through <see cref="Apply"/>, which follows <see cref="CaseTransitions"/> and appends exactly
/// one <see cref="CaseEvent"/> per change; the events are never changed or removed.
/// </summary>
public sealed class SchoolTransportCase
{
    /// <summary>Longest reason kept in an event; longer texts belong in a journaled document.</summary>
    public const int MaxReasonLength = 4000;

    private readonly List<CaseEvent> events = [];
    private readonly List<CaseAssignment> assignments = [];

    private SchoolTransportCase()
    {
        MunicipalityNumber = string.Empty;
    }

    private SchoolTransportCase(Guid id, string municipalityNumber, DateTimeOffset createdAt)
    {
        Id = id;
        MunicipalityNumber = municipalityNumber;
        CreatedAt = createdAt;
        State = CaseState.Draft;
    }

    public Guid Id { get; private set; }

    /// <summary>The kommunenummer of the municipality responsible for the case (opplæringslova § 28-7).</summary>
    public string MunicipalityNumber { get; private set; }

    /// <summary>The saksnummer, given when the draft is submitted; null while it is a draft.</summary>
    public CaseNumber? CaseNumber { get; private set; }

    public CaseState State { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Every state change, oldest first (append-only).</summary>
    public IReadOnlyList<CaseEvent> Events => events.AsReadOnly();

    /// <summary>The school applied for; copied from the søknad at submission so the work queue can filter on it.</summary>
    public Guid? SchoolId { get; private set; }

    /// <summary>The grade (trinn 1–10) applied for; copied from the søknad at submission.</summary>
    public int? Grade { get; private set; }

    /// <summary>When the søknad was submitted; null while it is a draft.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>The expected decision date (<see cref="CaseDeadlines"/>); null while it is a draft.</summary>
    public DateOnly? DueDate { get; private set; }

    /// <summary>The staff user id of the caseworker who has the case; null while nobody has taken it.</summary>
    public Guid? AssignedTo { get; private set; }

    /// <summary>Every assignment, oldest first (append-only).</summary>
    public IReadOnlyList<CaseAssignment> Assignments => assignments.AsReadOnly();

    /// <summary>When the interim reply (fvl. § 11 a) was sent; null while none has been. Sent once only.</summary>
    public DateTimeOffset? InterimReplySentAt { get; private set; }

    /// <summary>Whether the interim reply is due on <paramref name="today"/> (a Norwegian date), see <see cref="InterimReply.IsDue"/>.</summary>
    public bool IsInterimReplyDue(DateOnly today) =>
        InterimReply.IsDue(State, SubmittedAt is { } at ? NorwegianTime.Today(at) : null, InterimReplySentAt is not null, today);

    /// <summary>Records that the interim reply was sent at <paramref name="now"/>; false, changing nothing, unless it was due.</summary>
    public bool RecordInterimReply(DateTimeOffset now)
    {
        if (!IsInterimReplyDue(NorwegianTime.Today(now)))
        {
            return false;
        }

        InterimReplySentAt = now;
        return true;
    }

    public static SchoolTransportCase CreateDraft(Guid id, string municipalityNumber, DateTimeOffset now)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A case needs an id.", nameof(id));
        }

        if (municipalityNumber.Length != 4 || !municipalityNumber.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A kommunenummer has four digits.", nameof(municipalityNumber));
        }

        return new SchoolTransportCase(id, municipalityNumber, now);
    }

    /// <summary>
    /// Gives a draft the case number allocated for it (per municipality and year; allocation is not the domain's
    /// business). Returns false, changing nothing, when the case is no longer a draft or already has a number.
    /// <see cref="CaseTrigger.Submit"/> is refused until a number is assigned.
    /// </summary>
    public bool TryAssignCaseNumber(CaseNumber caseNumber)
    {
        if (State != CaseState.Draft || CaseNumber is not null)
        {
            return false;
        }

        CaseNumber = caseNumber;
        return true;
    }

    /// <summary>
    /// Changes the state by <paramref name="trigger"/> if <see cref="CaseTransitions"/> permits it from the current
    /// state for the actor's role, appending one event. A refused step changes nothing and is returned, not thrown:
    /// <see cref="CaseTransitionErrorType.Conflict"/> when the trigger is not permitted from this state,
    /// <see cref="CaseTransitionErrorType.Forbidden"/> when the role may not trigger it,
    /// <see cref="CaseTransitionErrorType.BadRequest"/> when a required reason or rulebook version is missing.
    /// </summary>
    /// <param name="reason">Why (required where the table says so, e.g. fvl. §§ 31 and 35).</param>
    /// <param name="rulebookVersion">The label of the rulebook version applied, e.g. <c>5028/v1</c>; required for a decision on the merits.</param>
    public CaseTransitionResult Apply(
        CaseTrigger trigger,
        CaseActor actor,
        DateTimeOffset now,
        string? reason = null,
        string? rulebookVersion = null)
    {
        if (!Enum.IsDefined(trigger))
        {
            throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown trigger.");
        }

        var transition = CaseTransitions.Find(State, trigger);
        if (transition is null)
        {
            return CaseRefusals.NotPermittedFromState(State, trigger);
        }

        if (!transition.Allows(actor.Role))
        {
            return CaseRefusals.RoleMayNot(transition);
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (transition.ReasonRequired && reason is null)
        {
            return CaseRefusals.ReasonMissing(transition);
        }

        if (reason is { Length: > MaxReasonLength })
        {
            return CaseRefusals.ReasonTooLong(transition);
        }

        rulebookVersion = string.IsNullOrWhiteSpace(rulebookVersion) ? null : rulebookVersion.Trim();
        if (rulebookVersion is not null && !IsRulebookVersionOfThisMunicipality(rulebookVersion))
        {
            return CaseRefusals.RulebookVersionInvalid(MunicipalityNumber);
        }

        if (transition.RulebookVersionRequired && rulebookVersion is null)
        {
            return CaseRefusals.RulebookVersionMissing();
        }

        if (trigger == CaseTrigger.Submit && CaseNumber is null)
        {
            return CaseRefusals.CaseNumberMissing();
        }

        var caseEvent = new CaseEvent(
            Guid.CreateVersion7(now),
            Id,
            events.Count + 1,
            now,
            actor,
            State,
            transition.To,
            trigger,
            reason,
            rulebookVersion);
        events.Add(caseEvent);
        State = transition.To;
        return CaseTransitionResult.Success(caseEvent);
    }

    /// <summary>
    /// Records what the work queue filters and sorts on, once, when the case has been submitted: the school and grade
    /// of the søknad, the time of submission and the expected decision date derived from it (<see cref="CaseDeadlines"/>).
    /// </summary>
    public void RecordSubmission(Guid schoolId, int grade, DateTimeOffset submittedAt)
    {
        if (State == CaseState.Draft || SubmittedAt is not null)
        {
            throw new InvalidOperationException("The submission is recorded once, after the Submit transition.");
        }

        if (schoolId == Guid.Empty)
        {
            throw new ArgumentException("A submitted case names its school.", nameof(schoolId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(grade, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(grade, 10);
        SchoolId = schoolId;
        Grade = grade;
        SubmittedAt = submittedAt;
        DueDate = CaseDeadlines.ExpectedDecisionDate(NorwegianTime.Today(submittedAt));
    }

    /// <summary>
    /// Gives the case to the caseworker <paramref name="staffUserId"/>, recording who did it and when. Only a
    /// caseworker assigns, and only a submitted case that is not closed or withdrawn. Assigning a case to the one who
    /// already has it changes nothing (a double submit records one assignment). Whether the assignee works for the
    /// case's municipality is the caller's to check: the domain knows no staff.
    /// </summary>
    public CaseAssignmentResult AssignTo(Guid staffUserId, CaseActor actor, DateTimeOffset now)
    {
        if (staffUserId == Guid.Empty)
        {
            throw new ArgumentException("An assignee is a staff user id.", nameof(staffUserId));
        }

        if (actor.Role != CaseActorRole.Caseworker)
        {
            return CaseAssignmentResult.Refused(
                CaseTransitionErrorType.Forbidden,
                "Berre ein saksbehandlar kan fordele saker. / Bare en saksbehandler kan fordele saker.");
        }

        if (State is CaseState.Draft or CaseState.Closed or CaseState.Withdrawn)
        {
            return CaseAssignmentResult.Refused(
                CaseTransitionErrorType.Conflict,
                "Saka er ikkje open for sakshandsaming og kan ikkje fordelast. / Saken er ikke åpen for saksbehandling og kan ikke fordeles.");
        }

        if (AssignedTo == staffUserId)
        {
            return CaseAssignmentResult.Unchanged;
        }

        var assignment = new CaseAssignment(Guid.CreateVersion7(now), Id, assignments.Count + 1, now, actor.Id, AssignedTo, staffUserId);
        assignments.Add(assignment);
        AssignedTo = staffUserId;
        return CaseAssignmentResult.Assigned(assignment);
    }

    /// <summary>
    /// The triggers <paramref name="role"/> may use from the current state, in table order (what the UI offers).
    /// A required reason or rulebook version, and the case number of a submit, are the caller's to supply.
    /// </summary>
    public IReadOnlyList<CaseTrigger> PermittedTriggers(CaseActorRole role) =>
        CaseTransitions.From(State).Where(t => t.Allows(role)).Select(t => t.Trigger).ToList();

    /// <summary>A label <c>kkkk/vN</c> whose kommunenummer is this case's: a decision applies its own municipality's rulebook.</summary>
    private bool IsRulebookVersionOfThisMunicipality(string label) =>
        label.Length > 6
        && label.StartsWith(MunicipalityNumber, StringComparison.Ordinal)
        && label.AsSpan(4, 2).SequenceEqual("/v")
        && label.AsSpan(6).ToString().All(char.IsAsciiDigit)
        && label[6] != '0';
}
