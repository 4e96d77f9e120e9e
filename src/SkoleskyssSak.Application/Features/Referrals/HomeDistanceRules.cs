using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>When the municipality may confirm distances and refer: while the case is its own and not decided.</summary>
internal static class HomeDistanceRules
{
    public static bool IsOpen(CaseState state) => state is CaseState.Submitted or CaseState.InAssessment or CaseState.AwaitingInformation;

    /// <summary>A referral changes the case (the last home sends it to the county): only where the table lets it.</summary>
    public static bool MayRefer(CaseState state) => CaseTransitions.Find(state, CaseTrigger.ReferToCounty) is not null;
}
