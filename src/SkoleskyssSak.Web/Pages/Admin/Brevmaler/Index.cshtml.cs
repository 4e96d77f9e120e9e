using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.LetterTemplates;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Admin.Brevmaler;

/// <summary>
/// The municipality admin words the notice texts of the decision letters (fvl. § 27): each text with its default in
/// the municipality's language form, a textarea for the municipality's own wording, saved one text at a time.
/// </summary>
public sealed class IndexModel(ISender sender, IStringLocalizer<SharedResource> text) : AdminPageModel
{
    public NoticeTextsView? View { get; private set; }

    /// <summary>The text the admin posted (its key), shown again as typed when it is refused.</summary>
    [BindProperty]
    public string? Key { get; set; }

    /// <summary>Key → text, as the forms post it ("Texts[GuidanceText]").</summary>
    [BindProperty]
    public Dictionary<string, string?> Texts { get; set; } = [];

    /// <summary>The reset button: the letters use the default again.</summary>
    [BindProperty]
    public bool Reset { get; set; }

    /// <summary>Set after a save, shown once at the top.</summary>
    [TempData]
    public string? Notice { get; set; }

    public string PagePath => $"/admin/brevmaler/{Municipality}";

    public static string FieldName(string key) => $"Texts[{key}]";

    /// <summary>Headings and the greeting are a line; the paragraphs get room.</summary>
    public static int Rows(NoticeText key) => key is NoticeText.AppealHeading or NoticeText.AccessHeading or NoticeText.GuidanceHeading or NoticeText.SignatureRegards ? 2 : 5;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var key = Key ?? string.Empty;
        var posted = Reset ? null : Texts.GetValueOrDefault(key);
        var staffUserId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var result = await sender.Send(new SaveNoticeTextCommand(Municipality, key, posted, staffUserId), cancellationToken);
        if (result.IsOk)
        {
            var saved = result.Value;
            Notice = text[saved.Reset ? "NoticeTextResetNotice" : "NoticeTextSavedNotice", text["NoticeText_" + saved.Key]];
            return Redirect(PagePath);
        }

        if (Failed(result.Failure, _ => FieldName(key)) is { } notFound)
        {
            return notFound;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>What the textarea of <paramref name="item"/> shows: what was posted when it was refused, else the letters' text.</summary>
    public string TextareaValue(NoticeTextView item)
    {
        var key = item.Key.ToString();
        return !ModelState.IsValid && Key == key && Texts.TryGetValue(key, out var posted) ? posted ?? string.Empty : item.Text;
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        View = await sender.Send(new GetNoticeTextsQuery(Municipality), cancellationToken);
        return View is not null;
    }
}
