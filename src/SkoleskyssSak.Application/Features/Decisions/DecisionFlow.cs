using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// Where a decision is made: an initial or change decision while the case is in assessment (Decide), or a reversal by the
/// first instance reviewing an appeal (fvl. § 33 second paragraph: ReverseDecision, a new enkeltvedtak with its own
/// letter and right of appeal; the appeal is thereby closed).
/// </summary>
internal static class DecisionFlow
{
    public static bool Deciding(CaseState state) => state is CaseState.InAssessment or CaseState.FirstInstanceReview;

    public static CaseTrigger Trigger(CaseState state) => state == CaseState.FirstInstanceReview ? CaseTrigger.ReverseDecision : CaseTrigger.Decide;

    /// <summary>Why no decision can be drafted or issued on the case now (not in assessment, no rulebook in force); null when it can.</summary>
    public static Failure? Unready(DecisionContext context) =>
        !Deciding(context.Case.State) ? new Failure.Refused(CaseTexts.Get("DecisionNotInAssessment"))
        : context.Rulebook is null ? new Failure.Refused(CaseTexts.Get("DecisionNoRulebook"))
        : null;
}
