using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>The receipt: the case number and what happens next. Only for a party of a submitted case.</summary>
public sealed class KvitteringModel(GetMyCaseHandler getCase) : ApplicationPageModel(getCase)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        return Case.CaseNumber is null ? NotFound() : LanguageRedirect("kvittering") ?? Page();
    }
}
