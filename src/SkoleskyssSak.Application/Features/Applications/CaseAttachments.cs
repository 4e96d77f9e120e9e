using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>A file as the guardian uploaded it; its name and the browser's content type are not trusted.</summary>
/// <param name="Confidential">The guardian marked it as holding health information (fvl. § 13).</param>
public sealed record UploadedFile(string? FileName, byte[] Content, bool Confidential);

/// <summary>Stores uploaded files as documents of a case after <see cref="AttachmentPolicy"/> accepted them.</summary>
internal static class CaseAttachments
{
    /// <summary>
    /// Adds the file (metadata and bytes) to the unit of work, or returns the message for <paramref name="field"/>.
    /// </summary>
    public static (CaseDocument? Document, IReadOnlyDictionary<string, string[]>? Errors) TryStore(
        IApplicationDbContext db, Guid caseId, CaseDocumentKind kind, UploadedFile? file, int alreadyAttached, string addedBy, DateTimeOffset now, string field)
    {
        if (file?.Content is null)
        {
            return (null, Error(field, "AttachmentRequired"));
        }

        var check = AttachmentPolicy.Check(file.Content, alreadyAttached);
        if (!check.IsAccepted)
        {
            return (null, Error(field, RefusalKey(check.Refusal!.Value)));
        }

        var document = CaseDocument.FromUpload(Guid.CreateVersion7(now), caseId, kind, file.FileName, check, file.Content.LongLength, file.Confidential, addedBy, now);
        db.Documents.Add(document);
        db.DocumentContents.Add(new CaseDocumentContent(document.Id, file.Content));
        return (document, null);
    }

    /// <summary>
    /// Several files uploaded together (a reply, an appeal, comments, inspection photos): all are checked before any is
    /// added to the unit of work, so a refused file never leaves its accepted siblings behind to be saved by a later
    /// audit. <paramref name="field"/> names the field of file i for its message.
    /// </summary>
    public static (IReadOnlyList<CaseDocument> Documents, IReadOnlyDictionary<string, string[]>? Errors) TryStoreAll(
        IApplicationDbContext db, Guid caseId, CaseDocumentKind kind, IReadOnlyList<UploadedFile> files, string addedBy, DateTimeOffset now, Func<int, string> field)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i]?.Content is not { } content)
            {
                return ([], Error(field(i), "AttachmentRequired"));
            }

            if (AttachmentPolicy.Check(content, i).Refusal is { } refusal)
            {
                return ([], Error(field(i), RefusalKey(refusal)));
            }
        }

        return (files.Select((file, i) => TryStore(db, caseId, kind, file, i, addedBy, now, field(i)).Document!).ToList(), null);
    }

    /// <summary>
    /// The PDFs among the files, checked by their structure (not only their first bytes) before any is stored: a file
    /// that starts with "%PDF-" but cannot be read would break the appeal body's bundle, and a PDF with JavaScript or
    /// embedded files is refused (issue 10). Files the policy refuses anyway are left to <see cref="TryStore"/>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string[]>?> CheckPdfsAsync(
        IPdfBundler bundler, IReadOnlyList<UploadedFile?> files, Func<int, string> field, CancellationToken cancellationToken)
    {
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i]?.Content is not { } content || AttachmentPolicy.Check(content, 0) is not { IsAccepted: true, Type: AttachmentType.Pdf })
            {
                continue;
            }

            var inspection = await bundler.InspectAsync(content, cancellationToken);
            if (!inspection.Readable)
            {
                return Error(field(i), "AttachmentPdfDamaged");
            }

            if (inspection.HasActiveContent)
            {
                return Error(field(i), "AttachmentPdfActiveContent");
            }
        }

        return null;
    }

    public static string RefusalKey(AttachmentRefusal refusal) => refusal switch
    {
        AttachmentRefusal.Empty => "AttachmentEmpty",
        AttachmentRefusal.TooLarge => "AttachmentTooLarge",
        AttachmentRefusal.TooManyFiles => "AttachmentTooMany",
        _ => "AttachmentUnsupported",
    };

    private static Dictionary<string, string[]> Error(string field, string key) => new() { [field] = [CaseTexts.Get(key)] };

    /// <summary>
    /// One incoming journal entry per document, confidential when the document is (offentleglova § 13). The public
    /// title never names the child: the file name goes only into the full title.
    /// </summary>
    public static void Journal(IApplicationDbContext db, IEnumerable<CaseDocument> documents, ApplicationForm form, Domain.Municipalities.LanguageForm language, int schoolYearStart, DateOnly today, DateTimeOffset now)
    {
        foreach (var document in documents)
        {
            var publicTitle = CaseTexts.Format("AttachmentJournalPublicTitle", language, schoolYearStart, schoolYearStart + 1);
            var title = CaseJournal.Limit(CaseTexts.Format("AttachmentJournalTitle", language, document.FileName));
            db.JournalEntries.Add(CaseJournal.Entry(document.CaseId, JournalEntryKind.Incoming, [publicTitle, $"{schoolYearStart}/{schoolYearStart + 1}"], title, form, today, now, document.Id, document.Confidential));
        }
    }
}
