using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>The domain's refusals of a decision as failures: input to correct on the draft's field, or a refusal.</summary>
internal static class DecisionRefusals
{
    public static Failure ToFailure(DecisionRefusal refusal)
    {
        var message = CaseTexts.Get("Decision" + refusal);
        return refusal switch
        {
            DecisionRefusal.OutcomeMissing => Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.Outcome), message),
            DecisionRefusal.GroundsMissing or DecisionRefusal.GroundsTooLong => Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.Grounds), message),
            DecisionRefusal.DepartureTooLong => Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.AssessmentDeparture), message),
            DecisionRefusal.PeriodMissing => Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.PeriodFrom), message),
            DecisionRefusal.PeriodReversed => Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.PeriodTo), message),
            _ => new Failure.Refused(message),
        };
    }

}
