namespace SkoleskyssSak.Web.Security;

/// <summary>
/// Security headers on every response. The CSP allows no inline script or style (scripts and styles are
/// files under wwwroot), and frame-ancestors 'none' keeps the service out of frames (clickjacking).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// For a letter shown as it will be printed (the decision preview): no script at all, only the letter's own
    /// inline style, nothing loaded from anywhere.
    /// </summary>
    public const string DocumentPreviewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly object PolicyKey = new();

    /// <summary>This response is a printable document: <see cref="DocumentPreviewPolicy"/> instead of the site's policy.</summary>
    public static void UseDocumentPreviewPolicy(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[PolicyKey] = DocumentPreviewPolicy;
    }

    private static readonly object FramingOriginKey = new();

    /// <summary>
    /// This response may be shown in a frame of <paramref name="origin"/> (ID-porten's front-channel logout loads the
    /// logout address in a hidden frame): frame-ancestors names that origin, and X-Frame-Options is left out.
    /// </summary>
    public static void AllowFramingBy(HttpContext context, string origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        context.Items[FramingOriginKey] = origin;
    }

    private static readonly object FormActionOriginKey = new();

    /// <summary>
    /// The site's forms on this page may also lead to <paramref name="origin"/>: the sign-out form of a parent signed in
    /// through ID-porten, whose POST is redirected to ID-porten's end-session endpoint (browsers hold the redirect of a
    /// form submission to form-action too).
    /// </summary>
    public static void AllowFormActionTo(HttpContext context, string origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(origin);
        context.Items[FormActionOriginKey] = origin;
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items.TryGetValue(PolicyKey, out var policy) && policy is string p ? p : ContentSecurityPolicy;
            if (!context.Items.ContainsKey(PolicyKey) && context.Items.TryGetValue(FormActionOriginKey, out var formAction) && formAction is string target)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + target, StringComparison.Ordinal);
            }

            headers.XContentTypeOptions = "nosniff";
            if (context.Items.TryGetValue(FramingOriginKey, out var framing) && framing is string origin)
            {
                headers.ContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors " + origin;
            }
            else
            {
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
