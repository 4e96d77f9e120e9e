using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace SkoleskyssSak.Web.Documents;

/// <summary>
/// Renders a Razor template (a letter or receipt under /Documents) with its model to a complete HTML document.
/// The same HTML is the preview and, through IPdfRenderer, the PDF (DESIGN.md §7).
/// </summary>
public sealed class HtmlDocumentRenderer(IRazorViewEngine views, ITempDataProvider tempData, IHttpContextAccessor http, IServiceProvider services)
{
    public async Task<string> RenderAsync<TModel>(string templatePath, TModel model)
    {
        // Outside a request (a background job such as the interim reply), a bare context with this scope's services.
        var httpContext = http.HttpContext ?? new DefaultHttpContext { RequestServices = services };
        var actionContext = new ActionContext(httpContext, httpContext.GetRouteData() ?? new RouteData(), new ActionDescriptor());
        var found = views.GetView(executingFilePath: null, viewPath: templatePath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"Document template {templatePath} not found.");
        }

        await using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var viewData = new ViewDataDictionary<TModel>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model };
        var context = new ViewContext(actionContext, found.View, viewData, new TempDataDictionary(httpContext, tempData), output, new HtmlHelperOptions());
        await found.View.RenderAsync(context);
        return output.ToString();
    }
}
