using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.AppealBodies;

namespace SkoleskyssSak.Web.Pages.Klageinstans;

/// <summary>The appeal body's worklist: the cases forwarded to it that it has now, and those it decided lately.</summary>
public sealed class IndexModel(ISender sender) : AppealBodyPageModel
{
    public AppealBodyWorklist Worklist { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var worklist = await sender.Send(new ListAppealBodyQueueQuery(BodyCode), cancellationToken);
        if (worklist is null)
        {
            return NotFound();
        }

        Worklist = worklist;
        return Page();
    }
}
