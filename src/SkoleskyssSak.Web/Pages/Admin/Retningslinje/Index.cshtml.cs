using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Rulebooks;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>The rulebook in force, laid out like the published table, with the way to a new draft.</summary>
public sealed class IndexModel(GetRulebookVersionHandler getVersion, CreateDraftHandler createDraft) : AdminPageModel
{
    public RulebookVersionView? Active { get; private set; }

    protected override bool MunicipalityOptional => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(RouteMunicipality))
        {
            return Redirect(BasePath);
        }

        Active = await getVersion.HandleAsync(new GetRulebookVersionQuery(Municipality), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateDraftAsync(CancellationToken cancellationToken)
    {
        var result = await createDraft.HandleAsync(new CreateDraftCommand(Municipality), cancellationToken);
        if (result is RulebookCommandResult.Done done)
        {
            return Redirect(VersionPath(done.Version));
        }

        Unexpected(result);
        Active = await getVersion.HandleAsync(new GetRulebookVersionQuery(Municipality), cancellationToken);
        return Page();
    }
}
