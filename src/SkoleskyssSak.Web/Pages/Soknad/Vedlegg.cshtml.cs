using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Web.Hosting;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>
/// Step 6: attachments (optional). One file per upload, so each gets its own message and a slow connection loses at
/// most the file in transit; a draft's attachments can be removed until the søknad is sent.
/// </summary>
[RequestSizeLimit(UploadLimits.SingleFile)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.SingleFile + UploadLimits.FormReaderMargin)]
public sealed class VedleggModel(ISender sender) : ApplicationPageModel(sender)
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool Confidential { get; set; }

    /// <summary>Set after a successful upload (the redirect's ?lastetOpp=true), announced as a status.</summary>
    [BindProperty(SupportsGet = true, Name = "lastetOpp")]
    public bool Uploaded { get; set; }

    public IReadOnlyList<MyCaseDocument> Attachments => Case.Documents.Where(d => d.Kind == CaseDocumentKind.ApplicationAttachment).ToList();

    public bool CanAddMore => Attachments.Count < AttachmentPolicy.MaxFiles;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(draftOnly: true, "vedlegg", cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        Uploaded = false;
        var file = Upload is null ? null : await UploadLimits.ReadAsync(Upload, Confidential, cancellationToken);
        var result = await Requests.Send(new AddApplicationAttachmentCommand(CaseId, Pseudonym, file), cancellationToken);
        return result.IsOk
            ? Redirect(StepUrl("vedlegg") + "&lastetOpp=true")
            : await AfterSaveAsync(result, "vedlegg", _ => nameof(Upload), () => Task.CompletedTask);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid documentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var result = await Requests.Send(new RemoveApplicationAttachmentCommand(CaseId, documentId, Pseudonym), cancellationToken);
        return await AfterSaveAsync(result, "vedlegg", _ => string.Empty, () => Task.CompletedTask);
    }
}
