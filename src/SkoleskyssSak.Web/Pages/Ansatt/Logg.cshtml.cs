using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Casework;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The audit trail of a case (issue 5, Integrity): who read or changed the case or its documents, when and what,
/// newest first. Opening it is itself recorded.
/// </summary>
public sealed class LoggModel(ISender sender) : CaseworkerPageModel
{
    public CaseAuditTrail Trail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var trail = await sender.Send(new GetCaseAuditTrailQuery(CaseId, Municipality), cancellationToken);
        if (trail is null)
        {
            return NotFound();
        }

        Trail = trail;
        return Page();
    }
}
