using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SkoleskyssSak.Web.Tests.Architecture;

/// <summary>
/// Authorization in one way (issue 12): every page with the policies it ends up with, from the folder conventions of
/// Web/Auth/PageAuthorization (and nothing else); a page missing here fails the test, so a new page is placed on
/// purpose. Everything else is closed by the fallback policy.
/// </summary>
public sealed class PageAuthorizationTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anonymous = "anonymous";

    /// <summary>Page → its policies, comma-separated in alphabetical order, or "anonymous".</summary>
    public static TheoryData<string, string> EveryPage => new()
    {
        { "/Index", Anonymous },
        { "/Feil", Anonymous },
        { "/IngenTilgang", Anonymous },
        { "/Sprak", Anonymous },
        { "/Utlogging", Anonymous },
        { "/Innlogging/Ansatt", Anonymous },
        { "/Innlogging/Foresatt", Anonymous },
        { "/Innlogging/TestId", Anonymous },
        { "/SjekkSkolevegen/Index", Anonymous },
        { "/Strekninger/Index", Anonymous },
        { "/MineSaker/Index", "Parent" },
        { "/MineSaker/Sak", "Parent" },
        { "/MineSaker/Dokument", "Parent" },
        { "/MineSaker/TrekkKlage", "Parent" },
        { "/Soknad/Index", "Parent" },
        { "/Soknad/Barn", "Parent" },
        { "/Soknad/Foresatte", "Parent" },
        { "/Soknad/Hjem", "Parent" },
        { "/Soknad/Skoleveg", "Parent" },
        { "/Soknad/Begrunnelse", "Parent" },
        { "/Soknad/Vedlegg", "Parent" },
        { "/Soknad/Kontroller", "Parent" },
        { "/Soknad/Kvittering", "Parent" },
        { "/Ansatt/Index", "Staff" },
        { "/Ansatt/Saker", "Caseworker,Staff" },
        { "/Ansatt/Sak", "Caseworker,Staff" },
        { "/Ansatt/Vurdering", "Caseworker,Staff" },
        { "/Ansatt/Vedtak", "Caseworker,Staff" },
        { "/Ansatt/Avstand", "Caseworker,Staff" },
        { "/Ansatt/Logg", "Caseworker,Staff" },
        { "/Admin/Brevmaler/Index", "MunicipalityAdmin" },
        { "/Admin/Retningslinje/Index", "MunicipalityAdmin" },
        { "/Admin/Retningslinje/Historikk", "MunicipalityAdmin" },
        { "/Admin/Retningslinje/Versjon", "MunicipalityAdmin" },
        { "/Admin/Retningslinje/Rad", "MunicipalityAdmin" },
        { "/Admin/Retningslinje/Strekning", "MunicipalityAdmin" },
        { "/Klageinstans/Index", "AppealBodyMember" },
        { "/Klageinstans/Sak", "AppealBodyMember" },
        { "/Klageinstans/Statistikk", "AppealBodyMember" },
    };

    [Theory]
    [MemberData(nameof(EveryPage))]
    public void A_page_has_exactly_the_policies_of_its_place_in_PageAuthorization(string page, string expected) =>
        Assert.Equal(expected, Describe(Pages()[page]));

    [Fact]
    public void Every_page_of_the_app_is_listed_with_its_policy()
    {
        var listed = EveryPage.Select(row => (string)row[0]).ToHashSet();
        Assert.Empty(Pages().Keys.Where(p => !listed.Contains(p)).Order());
        Assert.Empty(listed.Where(p => !Pages().ContainsKey(p)).Order());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_page_for_anyone_not_a_sign_in()
    {
        var response = await app.NewClient().Http.GetAsync(new Uri("/finnes-ikke/her.png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/municipalities")]
    [InlineData("/health/live")]
    [InlineData("/sjekk-skolevegen")]
    public async Task The_public_service_and_the_probes_are_open_without_sign_in(string path)
    {
        var response = await app.NewClient().Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Dictionary<string, Microsoft.AspNetCore.Http.Endpoint> Pages()
    {
        _ = app.Server; // the host is built
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .GroupBy(e => e.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
            .ToDictionary(g => g.Key, g => g.First());
    }

    private static string Describe(Microsoft.AspNetCore.Http.Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Anonymous;
        }

        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().Order(StringComparer.Ordinal);
        return string.Join(',', policies);
    }
}
