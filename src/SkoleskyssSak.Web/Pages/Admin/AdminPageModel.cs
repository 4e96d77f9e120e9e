using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SkoleskyssSak.Web.Auth;

namespace SkoleskyssSak.Web.Pages.Admin;

/// <summary>
/// A municipality admin's page. The municipality is the one of the admin's "municipality" claim, never the one
/// of the address: the {kommune} segment only has to agree with it (it also picks the page's language form), and
/// an address naming another municipality is a 404 – the admin cannot even learn that it exists.
/// </summary>
public abstract class AdminPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kommune")]
    public string? RouteMunicipality { get; set; }

    /// <summary>The admin's own municipality (the MunicipalityAdmin policy requires the claim).</summary>
    public string Municipality => User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber) ?? string.Empty;

    /// <summary>"/admin/retningslinje/5028".</summary>
    public string BasePath => $"/admin/retningslinje/{Municipality}";

    /// <summary>Pages that work without {kommune} in the address (they redirect to the admin's own).</summary>
    protected virtual bool MunicipalityOptional => false;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var missing = string.IsNullOrEmpty(RouteMunicipality);
        if (string.IsNullOrEmpty(Municipality) || (missing && !MunicipalityOptional)
            || (!missing && !string.Equals(RouteMunicipality, Municipality, StringComparison.Ordinal)))
        {
            context.Result = NotFound();
        }
    }

    public string VersionPath(int version) => $"{BasePath}/versjon/{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// What a failed command means for the page: 404 when the version (or row, or segment) is gone, otherwise null
    /// after putting the messages on the page (<paramref name="field"/> maps a command property to the form's; a
    /// refusal or a conflict goes at the top): show it again.
    /// </summary>
    protected IActionResult? Failed(Failure failure, Func<string, string>? field = null)
    {
        if (failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(failure, field);
        return null;
    }
}
