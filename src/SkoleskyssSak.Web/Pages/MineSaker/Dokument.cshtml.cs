using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.MineSaker;

/// <summary>
/// Downloads one document of a case for a party of it (fvl. § 18). Another case's document, an internal note or a
/// made-up id is 404, so nobody learns whether it exists. Always a download, never rendered by the browser in the page.
/// </summary>
public sealed class DokumentModel(ISender sender) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid caseId, Guid documentId, CancellationToken cancellationToken)
    {
        var pseudonym = User.FindFirstValue(SkoleskyssClaims.Subject) ?? string.Empty;
        var file = await sender.Send(new GetMyCaseDocumentQuery(caseId, documentId, pseudonym), cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
