using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Domain.Tests.Decisions;

/// <summary>Four-eyes: every editor of a draft is recorded, and none of them may issue it.</summary>
public sealed class DecisionEditorsSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_colleague_who_changed_the_draft_may_not_issue_it_under_four_eyes_but_a_third_may()
    {
        var decision = Decision.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), DecisionKind.Initial, "5028/v1", "staff-1", Now);
        Assert.Null(decision.Update(DecisionOutcome.Refused, null, null, "Vegen har fortau.", Now));
        Assert.Null(decision.RecordEdit("staff-1", null, Now));
        Assert.Null(decision.Update(DecisionOutcome.Refused, null, null, "Vegen har fortau hele vegen.", Now));
        Assert.Null(decision.RecordEdit("staff-2", null, Now));

        Assert.Equal(["staff-1", "staff-2"], decision.EditedBy);
        Assert.Equal(DecisionRefusal.SecondApprovalRequired, decision.CanIssue("staff-2", requiresSecondApproval: true));
        Assert.Equal(DecisionRefusal.SecondApprovalRequired, decision.CanIssue("staff-1", requiresSecondApproval: true));
        Assert.Null(decision.CanIssue("staff-3", requiresSecondApproval: true));
        Assert.Null(decision.CanIssue("staff-2", requiresSecondApproval: false));
    }

    [Fact]
    public void A_departure_from_the_assessment_is_kept_trimmed_and_limited_in_length()
    {
        var decision = Decision.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), DecisionKind.Initial, "5028/v1", "staff-1", Now);

        Assert.Null(decision.RecordEdit("staff-1", "  Foreldrene følger eleven.  ", Now));
        Assert.Equal("Foreldrene følger eleven.", decision.AssessmentDeparture);
        Assert.Equal(DecisionRefusal.DepartureTooLong, decision.RecordEdit("staff-1", new string('x', Decision.MaxDepartureLength + 1), Now));
        Assert.Null(decision.RecordEdit("staff-1", " ", Now));
        Assert.Null(decision.AssessmentDeparture);
    }
}
