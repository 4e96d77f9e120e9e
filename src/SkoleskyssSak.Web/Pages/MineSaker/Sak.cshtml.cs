using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Web.Pages.Soknad;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>One case of "Mine saker": its state, timeline, withdrawal before it is decided, and a copy for a sibling. Anyone else's case: 404.</summary>
public sealed class SakModel(GetMyCaseHandler getCase, WithdrawApplicationHandler withdraw, CopyForSiblingHandler copy) : ApplicationPageModel(getCase)
{
    protected override string LanguageUrl(string pageName) => $"/mine-saker/{CaseId}?kommune={Case.MunicipalityNumber}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(draftOnly: false, "sak", cancellationToken) ?? Page();

    public Task<IActionResult> OnPostSiblingAsync(CancellationToken cancellationToken) => CopyForSiblingAsync(copy, cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        switch (await withdraw.HandleAsync(new WithdrawApplicationCommand(CaseId, Pseudonym), cancellationToken))
        {
            case ApplicationResult.Withdrawn:
                return Redirect(LanguageUrl("sak"));
            case ApplicationResult.NotFound:
                return NotFound();
            case ApplicationResult.Refused refused:
                ModelState.AddModelError(string.Empty, refused.Reason);
                break;
            case ApplicationResult.Conflict conflict:
                ModelState.AddModelError(string.Empty, conflict.Reason);
                break;
        }

        return Page();
    }
}
