using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>
/// Drives the app like a browser without JavaScript: GET a page, parse its HTML, fill and POST one of its
/// forms (antiforgery token included, because it is a hidden field of the form).
/// </summary>
public sealed class PageClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    /// <summary>POSTs the form matched by <paramref name="formSelector"/> on the page, with its fields overridden by <paramref name="values"/>.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(IDocument page, string formSelector, IDictionary<string, string> values, string? formAction = null)
    {
        var (fields, action) = FormFields(page, formSelector, values, formAction);
        using var content = new FormUrlEncodedContent(fields);
        var response = await http.PostAsync(new Uri(action, UriKind.Relative), content);
        return (response, await ParseAsync(response));
    }

    /// <summary>POSTs a multipart form as a browser does, with <paramref name="files"/> in its file inputs.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> UploadAsync(
        IDocument page, string formSelector, IDictionary<string, string> values, IEnumerable<(string Field, string FileName, byte[] Content)> files)
    {
        var (fields, action) = FormFields(page, formSelector, values, null);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, field, fileName);
        }

        var response = await http.PostAsync(new Uri(action, UriKind.Relative), content);
        return (response, await ParseAsync(response));
    }

    /// <summary>What a browser sends: text and hidden inputs, checked radios and checkboxes, selected options, textareas.</summary>
    private static (Dictionary<string, string> Fields, string Action) FormFields(IDocument page, string formSelector, IDictionary<string, string> values, string? formAction)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new Xunit.Sdk.XunitException($"No form '{formSelector}' on {page.Url}");
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("submit" or "button" or "file") && (i.Type is not ("radio" or "checkbox") || i.IsChecked))
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            fields[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var textArea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields[textArea.Name!] = textArea.Value;
        }

        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = formAction ?? (string.IsNullOrEmpty(form.GetAttribute("action")) ? new Uri(page.Url).PathAndQuery : form.GetAttribute("action")!);
        return (fields, action);
    }

    /// <summary>Follows one redirect (the client does not follow them, so tests can assert where they go).</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"Expected a redirect, got {(int)redirect.StatusCode}");
        return await GetAsync(redirect.Headers.Location!.OriginalString);
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}
