using System.Text;
using System.Text.Json;

namespace SkoleskyssSak.Browser.Tests;

/// <summary>
/// axe-core (the npm package pinned in the repository's package-lock.json) against the current page:
/// WCAG 2.0/2.1 A and AA plus axe's best practices, zero violations allowed (DESIGN.md §8).
/// </summary>
/// <remarks>
/// The app's CSP (script-src 'self') blocks inline scripts, so axe is not injected as inline content: the browser
/// context answers a same-origin URL with the file from node_modules and the page loads it as an ordinary script.
/// That way the pages are checked under their real CSP, and a CSP violation elsewhere still shows up.
/// </remarks>
public static class Axe
{
    /// <summary>Served by the browser context itself (Playwright routing); the app never sees the request.</summary>
    public const string ScriptPath = "__browser-tests/axe.min.js";

    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly Lazy<string> Script = new(Locate);

    /// <summary>
    /// node_modules/axe-core/axe.min.js next to the package.json found by walking up from the test binaries.
    /// </summary>
    public static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "package.json")))
            {
                continue;
            }

            var path = Path.Combine(folder.FullName, "node_modules", "axe-core", "axe.min.js");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException(
                    $"axe-core is not installed: {path} is missing. Run `npm ci` in {folder.FullName} " +
                    "(scripts/install-prerequisites.sh does it).");
        }

        throw new InvalidOperationException(
            $"No package.json above {AppContext.BaseDirectory}: the browser tests must run inside the repository, " +
            "after `npm ci` at its root.");
    }

    public static Task ServeAsync(IBrowserContext context, Uri baseAddress)
    {
        var path = Script.Value;
        return context.RouteAsync(new Uri(baseAddress, ScriptPath).ToString(), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "text/javascript; charset=utf-8",
            Path = path,
        }));
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/" + ScriptPath });
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
              return result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                  target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
                  html: n.html,
                  summary: n.failureSummary,
                })),
              }));
            }
            """,
            Tags);

        if (violations.GetArrayLength() == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"axe-core found {violations.GetArrayLength()} violation(s) on {page.Url}:");
        foreach (var violation in violations.EnumerateArray())
        {
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"- {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()} {violation.GetProperty("helpUrl").GetString()}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.GetProperty("target").GetString()}: {node.GetProperty("html").GetString()}");
                report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"       {node.GetProperty("summary").GetString()?.ReplaceLineEndings(" ")}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
