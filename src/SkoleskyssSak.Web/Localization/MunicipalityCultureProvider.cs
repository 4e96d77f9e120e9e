using Microsoft.AspNetCore.Localization;

namespace SkoleskyssSak.Web.Localization;

/// <summary>Pages about one municipality (?kommune=4647 or route value kommune) speak its language form.</summary>
internal sealed class MunicipalityCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var number = httpContext.Request.Query["kommune"].FirstOrDefault() ?? httpContext.GetRouteValue("kommune") as string;
        if (string.IsNullOrEmpty(number))
        {
            return null;
        }

        var directory = httpContext.RequestServices.GetRequiredService<MunicipalityLanguages>();
        var form = await directory.LanguageFormOfAsync(number, httpContext.RequestAborted);
        if (form is null)
        {
            return null;
        }

        var culture = Cultures.For(form.Value).Name;
        return new ProviderCultureResult(culture, culture);
    }
}
