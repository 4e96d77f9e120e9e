using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SkoleskyssSak.Domain.Staff;

namespace SkoleskyssSak.Web.Auth;

/// <summary>
/// Who may open which page, in one table: folder conventions (and a page where it differs from its folder). Anything
/// not listed falls to the fallback policy (an authenticated user, AuthenticationSetup), so a new page is closed until
/// it is given its place here; PageAuthorizationTests lists every page with its policy.
/// </summary>
public static class PageAuthorization
{
    /// <summary>Pages anyone may open: the public service, sign-in and sign-out, error pages.</summary>
    public static readonly IReadOnlyList<string> PublicFolders = ["/Innlogging", "/SjekkSkolevegen", "/Strekninger"];

    public static readonly IReadOnlyList<string> PublicPages = ["/Index", "/Feil", "/IngenTilgang", "/Sprak", "/Utlogging"];

    /// <summary>Folder → policy. A deeper entry adds to a shallower one (a caseworker page is also a staff page).</summary>
    public static readonly IReadOnlyList<(string Folder, string Policy)> Folders =
    [
        ("/MineSaker", Policies.Parent),
        ("/Soknad", Policies.Parent),
        ("/Ansatt", Policies.Staff),
        ("/Admin", StaffRole.MunicipalityAdmin),
        ("/Klageinstans", StaffRole.AppealBodyMember),
    ];

    /// <summary>Page → policy, beyond its folder's: the casework pages of /Ansatt are for caseworkers only.</summary>
    public static readonly IReadOnlyList<(string Page, string Policy)> Pages =
    [
        ("/Ansatt/Saker", StaffRole.Caseworker),
        ("/Ansatt/Sak", StaffRole.Caseworker),
        ("/Ansatt/Vurdering", StaffRole.Caseworker),
        ("/Ansatt/Vedtak", StaffRole.Caseworker),
        ("/Ansatt/Avstand", StaffRole.Caseworker),
        ("/Ansatt/Logg", StaffRole.Caseworker),
    ];

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var folder in PublicFolders)
        {
            conventions.AllowAnonymousToFolder(folder);
        }

        foreach (var page in PublicPages)
        {
            conventions.AllowAnonymousToPage(page);
        }

        foreach (var (folder, policy) in Folders)
        {
            conventions.AuthorizeFolder(folder, policy);
        }

        foreach (var (page, policy) in Pages)
        {
            conventions.AuthorizePage(page, policy);
        }
    }
}
