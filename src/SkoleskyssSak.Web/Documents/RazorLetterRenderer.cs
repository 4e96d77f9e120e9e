using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Web.Documents;

/// <summary>Letters through the one Razor template /Documents/Letter.cshtml.</summary>
public sealed class RazorLetterRenderer(HtmlDocumentRenderer documents) : ILetterRenderer
{
    public Task<string> RenderHtmlAsync(Letter letter, CancellationToken cancellationToken) =>
        documents.RenderAsync("/Documents/Letter.cshtml", letter);
}
