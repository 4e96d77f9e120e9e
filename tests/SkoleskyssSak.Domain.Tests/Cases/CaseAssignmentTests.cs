using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Assigning a case to a caseworker (issue 5: the work queue) and the facts recorded at submission.</summary>
public class CaseAssignmentTests
{
    private static readonly Guid Morten = Guid.Parse("0195b000-0000-7000-8000-000000000001");
    private static readonly Guid Mari = Guid.Parse("0195b000-0000-7000-8000-000000000002");
    private static readonly DateTimeOffset Now = CaseScenarios.Start.AddDays(10);

    [Fact]
    public void A_caseworker_assigns_a_submitted_case_and_who_when_and_to_whom_is_recorded()
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);
        var caseworker = CaseScenarios.Actor(CaseActorRole.Caseworker);

        var result = @case.AssignTo(Morten, caseworker, Now);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(Morten, @case.AssignedTo);
        var record = Assert.Single(@case.Assignments);
        Assert.Same(record, result.Assignment);
        Assert.Equal((1, Now, caseworker.Id, (Guid?)null, Morten), (record.Sequence, record.AssignedAt, record.AssignedById, record.PreviousAssignee, record.Assignee));
        Assert.Equal(@case.Id, record.CaseId);
    }

    [Fact]
    public void Reassigning_to_a_colleague_keeps_the_history_and_names_the_previous_assignee()
    {
        var @case = CaseScenarios.InState(CaseState.InAssessment);
        var caseworker = CaseScenarios.Actor(CaseActorRole.Caseworker);
        Assert.True(@case.AssignTo(Morten, caseworker, Now).Succeeded);

        var result = @case.AssignTo(Mari, caseworker, Now.AddHours(1));

        Assert.True(result.Succeeded);
        Assert.Equal(Mari, @case.AssignedTo);
        Assert.Equal([Morten, Mari], @case.Assignments.Select(a => a.Assignee));
        Assert.Equal(Morten, @case.Assignments[1].PreviousAssignee);
        Assert.Equal(2, @case.Assignments[1].Sequence);
    }

    [Fact]
    public void Assigning_to_the_one_who_has_the_case_changes_nothing()
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);
        var caseworker = CaseScenarios.Actor(CaseActorRole.Caseworker);
        Assert.True(@case.AssignTo(Morten, caseworker, Now).Succeeded);

        var again = @case.AssignTo(Morten, caseworker, Now.AddMinutes(1));

        Assert.True(again.Succeeded);
        Assert.Null(again.Assignment);
        Assert.Single(@case.Assignments);
    }

    [Theory]
    [InlineData(CaseActorRole.Guardian)]
    [InlineData(CaseActorRole.AppealBody)]
    [InlineData(CaseActorRole.System)]
    public void Only_a_caseworker_assigns(CaseActorRole role)
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);

        var result = @case.AssignTo(Morten, CaseScenarios.Actor(role), Now);

        Assert.Equal(CaseTransitionErrorType.Forbidden, result.ErrorType);
        Assert.Null(@case.AssignedTo);
        Assert.Empty(@case.Assignments);
    }

    [Theory]
    [InlineData(CaseState.Closed)]
    [InlineData(CaseState.Withdrawn)]
    public void A_closed_or_withdrawn_case_is_not_assigned(CaseState state)
    {
        var @case = CaseScenarios.InState(state);

        var result = @case.AssignTo(Morten, CaseScenarios.Actor(CaseActorRole.Caseworker), Now);

        Assert.Equal(CaseTransitionErrorType.Conflict, result.ErrorType);
        Assert.Contains("ikke åpen for saksbehandling", result.Reason, StringComparison.Ordinal);
        Assert.Empty(@case.Assignments);
    }

    [Fact]
    public void A_draft_is_not_assigned()
    {
        var result = CaseScenarios.NumberedDraft().AssignTo(Morten, CaseScenarios.Actor(CaseActorRole.Caseworker), Now);

        Assert.Equal(CaseTransitionErrorType.Conflict, result.ErrorType);
    }

    [Fact]
    public void An_empty_assignee_is_a_programming_error()
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);

        Assert.Throws<ArgumentException>(() => @case.AssignTo(Guid.Empty, CaseScenarios.Actor(CaseActorRole.Caseworker), Now));
    }

    [Fact]
    public void Submission_records_school_grade_time_and_the_expected_decision_date_8_weeks_later()
    {
        var @case = CaseScenarios.InState(CaseState.Submitted);
        var school = Guid.NewGuid();
        // 23:30 UTC on 20 November is 21 November in Norway: the due date counts from the Norwegian date.
        var submittedAt = new DateTimeOffset(2026, 11, 20, 23, 30, 0, TimeSpan.Zero);

        @case.RecordSubmission(school, 3, submittedAt);

        Assert.Equal((school, 3, submittedAt), (@case.SchoolId!.Value, @case.Grade!.Value, @case.SubmittedAt!.Value));
        Assert.Equal(new DateOnly(2027, 1, 16), @case.DueDate);
        Assert.Throws<InvalidOperationException>(() => @case.RecordSubmission(school, 3, submittedAt));
    }

    [Fact]
    public void A_draft_has_no_submission_to_record()
    {
        Assert.Throws<InvalidOperationException>(() => CaseScenarios.NumberedDraft().RecordSubmission(Guid.NewGuid(), 3, Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void The_grade_is_1_to_10(int grade)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaseScenarios.InState(CaseState.Submitted).RecordSubmission(Guid.NewGuid(), grade, Now));
    }

    [Theory]
    [InlineData("2026-11-20", DueStatus.Overdue)]
    [InlineData("2026-11-21", DueStatus.DueSoon)]
    [InlineData("2026-11-28", DueStatus.DueSoon)]
    [InlineData("2026-11-29", DueStatus.NotDue)]
    public void Due_status_overdue_before_today_due_soon_within_7_days(string due, DueStatus expected)
    {
        Assert.Equal(expected, CaseDeadlines.StatusOn(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 21)));
    }
}
