using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Web.Pages.Soknad;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>
/// Withdrawing a pending appeal (issue 11): the confirmation step says what happens — the appeal case ends, the decision
/// stands, a new appeal only within the deadline (fvl. §§ 29 and 31) — and the POST withdraws it. Only a party reaches it
/// (anyone else: 404); when no appeal is pending the page says so, and a POST changes nothing and says why.
/// </summary>
public sealed class TrekkKlageModel(ISender sender) : ApplicationPageModel(sender)
{
    /// <summary>The pending appeal and what withdrawing it means; null when there is nothing to withdraw.</summary>
    public AppealWithdrawalPreview? Withdrawal { get; private set; }

    public string CaseUrl => $"/mine-saker/{CaseId}?kommune={Case.MunicipalityNumber}";

    protected override string LanguageUrl(string pageName) => $"/mine-saker/{CaseId}/{pageName}?kommune={Case.MunicipalityNumber}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(draftOnly: false, "trekk-klagen", cancellationToken) ?? await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        var result = await Requests.Send(new WithdrawAppealCommand(CaseId, Pseudonym), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(CaseUrl + "&klagetrukket=true");
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, _ => string.Empty);

        // The case as it is now (unchanged by the refused attempt).
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } gone)
        {
            return gone;
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Withdrawal = await Requests.Send(new GetAppealWithdrawalQuery(CaseId, Pseudonym), cancellationToken);
        return Page();
    }
}
