using Microsoft.Extensions.Localization;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages;

/// <summary>A case state in words. Staff read most states in the parent's words (CaseState_*), but not the one addressed to the parent.</summary>
public static class CaseStateTexts
{
    public static string ForStaff(IStringLocalizer<SharedResource> text, CaseState state)
    {
        ArgumentNullException.ThrowIfNull(text);
        return (state == CaseState.AwaitingInformation ? text["QueueState_AwaitingInformation"] : text["CaseState_" + state]).Value;
    }
}
