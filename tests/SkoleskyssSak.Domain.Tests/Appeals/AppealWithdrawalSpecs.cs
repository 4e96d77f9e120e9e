using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Appeals;

/// <summary>
/// Issue 11: the appellant withdraws a pending appeal (fvl. § 28: the right of appeal is the party's). The appeal records
/// when, once; an open step at the appeal body is closed as withdrawn, so the body can no longer decide on it.
/// </summary>
public sealed class AppealWithdrawalSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_appeal_is_withdrawn_once_and_records_when()
    {
        var appeal = Appeal.Register(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), AppealChannel.Online, "Klage.", new DateOnly(2026, 11, 10), null, new DateOnly(2026, 11, 2), "c-1", Now);
        Assert.False(appeal.IsWithdrawn);

        Assert.True(appeal.TryWithdraw(Now.AddDays(2)));
        Assert.False(appeal.TryWithdraw(Now.AddDays(3)));

        Assert.True(appeal.IsWithdrawn);
        Assert.Equal(Now.AddDays(2), appeal.WithdrawnAt);
    }

    [Fact]
    public void An_open_step_is_closed_as_withdrawn_and_the_body_can_no_longer_decide_on_it()
    {
        var step = AppealForwarding.Forward(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "sf-trondelag", 1, "Kommunen opprettholder vedtaket.", new DateOnly(2026, 12, 5), "staff-1", Now);

        Assert.Null(step.Withdraw("c-1", Now.AddDays(1)));

        Assert.False(step.IsOpen);
        Assert.Equal(AppealBodyOutcome.Withdrawn, step.Outcome);
        Assert.Equal(Now.AddDays(1), step.DecidedAt);
        Assert.Equal(AppealStepRefusal.AlreadyDecided, step.Record(AppealBodyOutcome.Upheld, "member-1", isCommittee: false, null, null, null, Now.AddDays(2)));
        Assert.Equal(AppealStepRefusal.AlreadyDecided, step.Withdraw("c-1", Now.AddDays(2)));
        Assert.Equal(AppealBodyOutcome.Withdrawn, step.Outcome);
    }

    [Fact]
    public void A_step_the_body_has_decided_cannot_be_withdrawn()
    {
        var step = AppealForwarding.Forward(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "sf-trondelag", 1, "Kommunen opprettholder vedtaket.", new DateOnly(2026, 12, 5), "staff-1", Now);
        Assert.Null(step.Record(AppealBodyOutcome.Upheld, "member-1", isCommittee: false, null, null, null, Now.AddDays(1)));

        Assert.Equal(AppealStepRefusal.AlreadyDecided, step.Withdraw("c-1", Now.AddDays(2)));
        Assert.Equal(AppealBodyOutcome.Upheld, step.Outcome);
    }

    [Theory]
    [InlineData(CaseState.AppealReceived, true)]
    [InlineData(CaseState.FirstInstanceReview, true)]
    [InlineData(CaseState.ForwardedToAppealBody, true)]
    [InlineData(CaseState.Decided, false)]
    [InlineData(CaseState.AppealDecided, false)]
    [InlineData(CaseState.Closed, false)]
    public void A_guardian_may_withdraw_only_a_pending_appeal_and_the_decision_then_stands(CaseState from, bool permitted)
    {
        var transition = CaseTransitions.Find(from, CaseTrigger.WithdrawAppeal);

        Assert.Equal(permitted, transition is not null && transition.Roles.Contains(CaseActorRole.Guardian));
        if (permitted)
        {
            Assert.Equal(CaseState.Decided, transition!.To);
        }
    }
}
