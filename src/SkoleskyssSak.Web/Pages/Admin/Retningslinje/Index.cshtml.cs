using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>The rulebook in force, laid out like the published table, with the way to a new draft.</summary>
public sealed class IndexModel(ISender sender) : AdminPageModel
{
    public RulebookVersionView? Active { get; private set; }

    protected override bool MunicipalityOptional => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(RouteMunicipality))
        {
            return Redirect(BasePath);
        }

        Active = await sender.Send(new GetRulebookVersionQuery(Municipality), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateDraftAsync(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreateDraftCommand(Municipality), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(VersionPath(result.Value.Version));
        }

        ModelState.AddFailure(result.Failure);
        Active = await sender.Send(new GetRulebookVersionQuery(Municipality), cancellationToken);
        return Page();
    }
}
