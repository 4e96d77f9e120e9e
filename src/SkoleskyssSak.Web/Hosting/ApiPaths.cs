namespace SkoleskyssSak.Web.Hosting;

internal static class ApiPaths
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
