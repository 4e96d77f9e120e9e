using System.Globalization;
using SkoleskyssSak.Application.Cases;
using SkoleskyssSak.Application.Features.AppealBodies;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Decisions;

namespace SkoleskyssSak.Application.Tests.Features.AppealBodies;

/// <summary>
/// The appeal body's permitted new outcomes (issue 12: moved from the page into the command's validator): a reversal
/// gives a grant, never a refusal, a referral or the dismissal of an appeal; a message in the page's language form.
/// </summary>
public sealed class RecordAppealBodyDecisionValidatorTests
{
    [Theory]
    [InlineData(DecisionOutcome.GrantedYearRound)]
    [InlineData(DecisionOutcome.GrantedWinter)]
    [InlineData(DecisionOutcome.PartlyGranted)]
    public void A_reversal_to_a_permitted_outcome_is_valid(DecisionOutcome outcome) =>
        Assert.True(new RecordAppealBodyDecisionValidator().Validate(Reversal(outcome)).IsValid);

    [Theory]
    [InlineData(null, "nb-NO", "Velg det nye utfallet når vedtaket omgjøres.")]
    [InlineData(DecisionOutcome.Refused, "nb-NO", "Velg det nye utfallet når vedtaket omgjøres.")]
    [InlineData(DecisionOutcome.ReferredToCounty, "nn-NO", "Vel det nye utfallet når vedtaket blir gjort om.")]
    [InlineData(DecisionOutcome.AppealDismissed, "nn-NO", "Vel det nye utfallet når vedtaket blir gjort om.")]
    public void A_reversal_without_a_permitted_new_outcome_names_the_field_in_Norwegian(DecisionOutcome? outcome, string culture, string message)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var error = Assert.Single(new RecordAppealBodyDecisionValidator().Validate(Reversal(outcome)).Errors);

            Assert.Equal(nameof(RecordAppealBodyDecisionCommand.NewOutcome), error.PropertyName);
            Assert.Equal(message, error.ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_new_outcome_is_asked_only_of_a_reversal_and_forwarding_on_needs_the_resolution()
    {
        var validator = new RecordAppealBodyDecisionValidator();
        Assert.True(validator.Validate(Reversal(null) with { Outcome = AppealBodyOutcome.Upheld }).IsValid);

        var error = Assert.Single(validator.Validate(Reversal(null) with { Outcome = AppealBodyOutcome.ForwardedOn, Resolution = " " }).Errors);
        Assert.Equal(nameof(RecordAppealBodyDecisionCommand.Resolution), error.PropertyName);
        Assert.Equal(CaseTexts.Get("AppealBodyAssessmentRequired"), error.ErrorMessage);
    }

    private static RecordAppealBodyDecisionCommand Reversal(DecisionOutcome? newOutcome) =>
        new(Guid.NewGuid(), "SF-VESTLAND", "member", AppealBodyOutcome.Reversed, newOutcome, null, null, "Brev", null);
}
