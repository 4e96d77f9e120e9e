using System.Globalization;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>
/// What happens next in a decided case, in the parent's words (issue 11): appeal by the deadline, the municipality's
/// review, the appeal body, or a final decision (fvl. § 28 third paragraph). A table by state, not a chain of ifs.
/// </summary>
public static class MyCaseNextStep
{
    private static readonly Dictionary<CaseState, string> Keys = new()
    {
        [CaseState.Decided] = "MyCaseNext_Decided",
        [CaseState.AppealReceived] = "MyCaseNext_AppealReview",
        [CaseState.FirstInstanceReview] = "MyCaseNext_AppealReview",
        [CaseState.ForwardedToAppealBody] = "MyCaseNext_Forwarded",
        [CaseState.AppealDecided] = "MyCaseNext_AppealDecided",
        [CaseState.InAssessment] = "MyCaseNext_Reconsidered",
        [CaseState.AwaitingInformation] = "MyCaseNext_Reconsidered",
        [CaseState.Submitted] = "MyCaseNext_Reconsidered",
        [CaseState.Closed] = "MyCaseNext_Closed",
    };

    public static string Text(MyCaseDetails details, AppealStatus appeals, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(appeals);
        ArgumentNullException.ThrowIfNull(text);
        if (details.State == CaseState.Decided && appeals.Deadline is { } deadline)
        {
            return text[appeals.DeadlinePassed ? "MyCaseNext_DecidedDeadlinePassed" : "MyCaseNext_Decided", deadline.ToString("d.M.yyyy", CultureInfo.InvariantCulture)];
        }

        return Keys.TryGetValue(details.State, out var key) ? text[key] : string.Empty;
    }
}
