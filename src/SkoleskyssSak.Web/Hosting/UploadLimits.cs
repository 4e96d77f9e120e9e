using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>
/// Request body limits of the upload forms: room for the files the AttachmentPolicy allows plus the form around them,
/// so that a file just over 10 MB reaches the policy and gets its own message next to the field. Only a far larger
/// body is cut off by Kestrel (413, <see cref="BadRequestStatusMiddleware"/>).
/// </summary>
public static class UploadLimits
{
    private const long FormOverhead = 1024 * 1024;

    /// <summary>One file per request (the søknad's attachment step).</summary>
    public const long SingleFile = (2 * AttachmentPolicy.MaxBytes) + FormOverhead;

    /// <summary>Up to five files per request (a reply to a request for information).</summary>
    public const long AllFiles = (AttachmentPolicy.MaxFiles * AttachmentPolicy.MaxBytes) + AttachmentPolicy.MaxBytes + FormOverhead;

    /// <summary>
    /// The form reader's own limit lies above the request limit, so that Kestrel's 413 always comes first (the form
    /// reader's error would surface as a failed antiforgery check instead).
    /// </summary>
    public const long FormReaderMargin = FormOverhead;

    /// <summary>
    /// The files of a multiple file input, each read as <see cref="ReadAsync"/> does. A browser posts an empty part when
    /// nothing was chosen; that is skipped, not taken for an empty file.
    /// </summary>
    public static async Task<List<UploadedFile>> ReadAllAsync(IEnumerable<IFormFile> files, bool confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var read = new List<UploadedFile>();
        foreach (var file in files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)))
        {
            read.Add(await ReadAsync(file, confidential, cancellationToken));
        }

        return read;
    }

    /// <summary>Reads at most one byte more than the policy allows: enough for it to say "too large" without holding more.</summary>
    public static async Task<UploadedFile> ReadAsync(IFormFile file, bool confidential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var limit = (int)Math.Min(file.Length, AttachmentPolicy.MaxBytes + 1);
        var buffer = new byte[limit];
        await using var stream = file.OpenReadStream();
        var read = 0;
        while (read < limit)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read, limit - read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new UploadedFile(file.FileName, read == limit ? buffer : buffer[..read], confidential);
    }
}

/// <summary>
/// Kestrel's <see cref="BadHttpRequestException"/> (e.g. 413 for a body over the endpoint's RequestSizeLimit) becomes its
/// status code, so the user gets the Norwegian status page (and /api a problem) instead of an error 500. Nothing was
/// saved by that request. The status page is then rendered as for a GET without a body: the refused body must not be
/// read again.
/// </summary>
public sealed class BadRequestStatusMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);

            // The antiforgery check reads the form first and reports Kestrel's refusal of a body over the page's limit
            // as a failed check (400). A body declared larger than the limit is a 413 all the same.
            if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted && IsOverBodyLimit(context))
            {
                Refuse(context, StatusCodes.Status413PayloadTooLarge);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            Refuse(context, e.StatusCode);
        }
        catch (Exception e) when (!context.Response.HasStarted && IsMangledForm(context, e))
        {
            // The form reader's refusals: a key over FormOptions.KeyLengthLimit (2,048), too many values, multipart
            // without a boundary or cut short. The request is wrong, not the server: 400, nothing was saved.
            Refuse(context, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>
    /// An <see cref="InvalidDataException"/> (the form reader's limits and multipart syntax), or an <see cref="IOException"/>
    /// while a form body that the client did not abandon was being read (a multipart body ending before its last boundary),
    /// also when wrapped by the framework (e.g. as a model binding or antiforgery exception).
    /// </summary>
    private static bool IsMangledForm(HttpContext context, Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is InvalidDataException)
            {
                return true;
            }

            if (e is IOException && !context.RequestAborted.IsCancellationRequested && context.Request.HasFormContentType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOverBodyLimit(HttpContext context) =>
        context.Request.ContentLength is long length
        && context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is long limit
        && length > limit;

    /// <summary>The status page is then rendered as for a GET without a body: the refused body must not be read again.</summary>
    private static void Refuse(HttpContext context, int statusCode)
    {
        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        context.Request.Method = HttpMethods.Get;
        context.Request.ContentType = null;
        context.Request.ContentLength = 0;
        context.Request.Body = Stream.Null;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(Microsoft.AspNetCore.Http.FormCollection.Empty));
    }
}
