using Microsoft.AspNetCore.Http;

namespace SkoleskyssSak.Web.Pages.Ansatt;

// The forms of the caseworker's case page, one per action. Each POST handler binds only its own form; the fields keep
// their names on the page (no prefix), so links, tests and error keys stay as they were.

/// <summary>Reopen a decided case to change it (fvl. § 35).</summary>
public sealed class ReopenCaseForm
{
    public string? Reason { get; set; }
}

/// <summary>Ask the guardians for more information (fvl. § 17).</summary>
public sealed class RequestInformationForm
{
    public string? Question { get; set; }

    /// <summary>yyyy-MM-dd as a date input posts it.</summary>
    public string? ReplyBy { get; set; }
}

/// <summary>Register an appeal that came on paper or by e-mail.</summary>
public sealed class RegisterAppealForm
{
    public string? AppealChannel { get; set; }

    public string? AppealReceivedOn { get; set; }

    public string? AppealPostedOn { get; set; }

    public string? AppealNoticeOn { get; set; }

    public string? AppealSummary { get; set; }

    public IFormFile? AppealLetter { get; set; }
}

/// <summary>Start the first-instance review of the appeal (fvl. § 33), with the reason when it is late (fvl. § 31).</summary>
public sealed class ConsiderAppealForm
{
    public string? LateReason { get; set; }
}

/// <summary>Uphold and forward the appeal to the appeal body.</summary>
public sealed class ForwardAppealForm
{
    public string? ForwardAssessment { get; set; }

    public string? CommentDeadline { get; set; }
}

/// <summary>Dismiss a late appeal (fvl. § 31).</summary>
public sealed class DismissAppealForm
{
    public string? DismissReason { get; set; }
}
