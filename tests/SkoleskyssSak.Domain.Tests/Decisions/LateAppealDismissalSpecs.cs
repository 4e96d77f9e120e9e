using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Domain.Tests.Decisions;

/// <summary>
/// Dismissing a late appeal (fvl. § 31) is itself an enkeltvedtak (fvl. § 2 third paragraph): a decision of its own kind
/// whose outcome grants or refuses nothing, reasoned, issued with its letter, and then never changed.
/// </summary>
public sealed class LateAppealDismissalSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_dismissal_has_no_transport_outcome_and_no_period_and_its_reason_as_grounds()
    {
        var decision = Decision.LateAppealDismissal(Guid.CreateVersion7(), Guid.CreateVersion7(), "5028/v1", "  Klagen kom fem uker for sent.  ", "staff-1", Now);

        Assert.Equal(DecisionKind.LateAppealDismissal, decision.Kind);
        Assert.Equal(DecisionOutcome.AppealDismissed, decision.Outcome);
        Assert.False(decision.IsGranted);
        Assert.Null(decision.PeriodFrom);
        Assert.Null(decision.PeriodTo);
        Assert.Equal("Klagen kom fem uker for sent.", decision.Grounds);
        Assert.Equal("5028/v1", decision.RulebookVersion);
    }

    [Fact]
    public void A_dismissal_is_issued_like_any_decision_and_then_never_changed()
    {
        var decision = Decision.LateAppealDismissal(Guid.CreateVersion7(), Guid.CreateVersion7(), "5028/v1", "For sent.", "staff-1", Now);
        var letter = Guid.CreateVersion7();

        Assert.Null(decision.CanIssue("staff-1", requiresSecondApproval: false));
        decision.MarkIssued("staff-1", letter, Now, requiresSecondApproval: false);

        Assert.Equal(DecisionStatus.Issued, decision.Status);
        Assert.Equal(letter, decision.LetterDocumentId);
        Assert.Equal(DecisionRefusal.AlreadyIssued, decision.Update(DecisionOutcome.AppealDismissed, null, null, "Annet.", Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_dismissal_without_a_reason_is_not_possible(string reason) =>
        Assert.ThrowsAny<ArgumentException>(() => Decision.LateAppealDismissal(Guid.CreateVersion7(), Guid.CreateVersion7(), "5028/v1", reason, "staff-1", Now));

    [Theory]
    [InlineData(DecisionKind.Initial, DecisionOutcome.AppealDismissed, DecisionRefusal.OutcomeMissing)]
    [InlineData(DecisionKind.Reversal, DecisionOutcome.AppealDismissed, DecisionRefusal.OutcomeMissing)]
    [InlineData(DecisionKind.LateAppealDismissal, DecisionOutcome.Refused, DecisionRefusal.OutcomeMissing)]
    [InlineData(DecisionKind.LateAppealDismissal, DecisionOutcome.GrantedYearRound, DecisionRefusal.OutcomeMissing)]
    [InlineData(DecisionKind.LateAppealDismissal, DecisionOutcome.AppealDismissed, null)]
    [InlineData(DecisionKind.Change, DecisionOutcome.Refused, null)]
    public void Only_a_dismissal_has_the_outcome_appeal_dismissed(DecisionKind kind, DecisionOutcome outcome, DecisionRefusal? expected)
    {
        var decision = Decision.Draft(Guid.CreateVersion7(), Guid.CreateVersion7(), kind, "5028/v1", "staff-1", Now);

        Assert.Equal(expected, decision.Update(outcome, null, null, "Grunngiving.", Now));
    }

    [Fact]
    public void The_caseworker_deciding_a_søknad_is_not_offered_the_dismissal_outcome()
    {
        var offered = Enum.GetValues<DecisionOutcome>().Where(DecisionOutcomes.IsOnTheApplication).ToList();

        Assert.DoesNotContain(DecisionOutcome.AppealDismissed, offered);
        Assert.Contains(DecisionOutcome.Refused, offered);
    }
}
