using System.Security.Cryptography;
using System.Text;

namespace SkoleskyssSak.Domain.Documents;

/// <summary>
/// A document of a case: an attachment a guardian uploaded, a reply, or a letter or note the system produced. Its
/// bytes are kept apart (<see cref="CaseDocumentContent"/>) with a SHA-256 of them, so lists never load files and a
/// changed file is detected. Documents are never changed; a draft's attachments may be removed before it is sent.
/// </summary>
public sealed class CaseDocument
{
    public const int MaxFileNameLength = 200;

    private CaseDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        AddedBy = string.Empty;
    }

    private CaseDocument(Guid id, Guid caseId, CaseDocumentKind kind, string fileName, string contentType, long sizeBytes, string sha256, bool confidential, string addedBy, DateTimeOffset addedAt)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        Confidential = confidential;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public CaseDocumentKind Kind { get; private set; }

    /// <summary>The file name shown and used on download (no path, no control characters).</summary>
    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; }

    /// <summary>
    /// Holds health or other confidential information (fvl. § 13, offentleglova § 13): exempt from public access.
    /// The parties themselves may still see it (fvl. § 18).
    /// </summary>
    public bool Confidential { get; private set; }

    /// <summary>Pseudonymous id of who added it (citizen pseudonym, staff user id or system actor).</summary>
    public string AddedBy { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>Whether a party may see it (fvl. §§ 18–19: the administration's internal documents are exempt).</summary>
    public bool VisibleToParties => Kind != CaseDocumentKind.InternalNote;

    /// <summary>A file a guardian uploaded, accepted by <see cref="AttachmentPolicy"/>.</summary>
    public static CaseDocument FromUpload(Guid id, Guid caseId, CaseDocumentKind kind, string? fileName, AttachmentCheck accepted, long sizeBytes, bool confidential, string addedBy, DateTimeOffset now)
    {
        if (!accepted.IsAccepted)
        {
            throw new ArgumentException("Only an accepted attachment can be stored.", nameof(accepted));
        }

        var type = accepted.Type!.Value;
        return new CaseDocument(id, caseId, kind, SafeFileName(fileName, type), AttachmentPolicy.ContentType(type), sizeBytes, accepted.Sha256!, confidential, Actor(addedBy), now);
    }

    /// <summary>A document the service produced (a letter as PDF, a reply or note as text).</summary>
    public static CaseDocument Produced(Guid id, Guid caseId, CaseDocumentKind kind, string fileName, string contentType, ReadOnlySpan<byte> content, bool confidential, string addedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new CaseDocument(id, caseId, kind, Trimmed(fileName), contentType, content.Length, Hash(content), confidential, Actor(addedBy), now);
    }

    /// <summary>A text (a reply, a request, a note) as a UTF-8 text document.</summary>
    public static (CaseDocument Document, CaseDocumentContent Content) ProducedText(Guid id, Guid caseId, CaseDocumentKind kind, string fileName, string text, bool confidential, string addedBy, DateTimeOffset now)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var document = Produced(id, caseId, kind, fileName, "text/plain; charset=utf-8", bytes, confidential, addedBy, now);
        return (document, new CaseDocumentContent(id, bytes));
    }

    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The name without any path or control characters, at most <see cref="MaxFileNameLength"/> characters, ending in the
    /// extension of its real type (a "photo.exe" that is a PNG is stored as "photo.exe.png").
    /// </summary>
    public static string SafeFileName(string? fileName, AttachmentType type)
    {
        var extension = type switch
        {
            AttachmentType.Pdf => ".pdf",
            AttachmentType.Jpeg => ".jpg",
            _ => ".png",
        };
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(WithoutInvisibleCharacters(name).Where(c => c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim().TrimStart('.');
        if (name.Length == 0)
        {
            name = "vedlegg";
        }

        var hasExtension = name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            || (type == AttachmentType.Jpeg && name.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase));
        if (!hasExtension)
        {
            name += extension;
        }

        return name.Length <= MaxFileNameLength ? name : name[..(MaxFileNameLength - extension.Length)] + extension;
    }

    /// <summary>
    /// The text without control characters and without the invisible formatting characters (Unicode category Cf: the
    /// bidirectional overrides such as U+202E that make "gpj.exe" read as "exe.jpg", zero-width characters) and line or
    /// paragraph separators: what is shown is what the name is (issue 10).
    /// </summary>
    public static string WithoutInvisibleCharacters(string text)
    {
        return new string(text.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)).ToArray());
    }

    private static string Trimmed(string fileName) => fileName.Length <= MaxFileNameLength ? fileName : fileName[..MaxFileNameLength];

    private static string Actor(string addedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(addedBy);
        return addedBy.Length <= 100 ? addedBy : throw new ArgumentException("An actor id has at most 100 characters.", nameof(addedBy));
    }
}

/// <summary>The bytes of a <see cref="CaseDocument"/>, stored in their own table (bytea).</summary>
public sealed class CaseDocumentContent
{
    private CaseDocumentContent()
    {
        Content = [];
    }

    public CaseDocumentContent(Guid documentId, byte[] content)
    {
        DocumentId = documentId;
        Content = content;
    }

    public Guid DocumentId { get; private set; }

    public byte[] Content { get; private set; }
}

/// <summary>What a document is. Stored by name: never rename.</summary>
public enum CaseDocumentKind
{
    /// <summary>Uploaded with the søknad (photos of the road, a doctor's statement).</summary>
    ApplicationAttachment,

    /// <summary>The caseworker's request for more information (fvl. § 17), as the guardian reads it.</summary>
    InformationRequest,

    /// <summary>The guardian's written reply to a request for information.</summary>
    InformationReply,

    /// <summary>A file uploaded with the reply.</summary>
    InformationReplyAttachment,

    /// <summary>Foreløpig svar (fvl. § 11a).</summary>
    InterimReplyLetter,

    /// <summary>The enkeltvedtak letter (fvl. §§ 24–27).</summary>
    DecisionLetter,

    /// <summary>The letter referring the application to the county (opplæringslova § 4-1 first paragraph).</summary>
    ReferralLetter,

    /// <summary>An appeal (fvl. § 32) and its attachments.</summary>
    Appeal,

    /// <summary>The forwarding letter to the appeal body (fvl. § 33 fourth paragraph).</summary>
    ForwardingLetter,

    /// <summary>The appeal body's decision letter.</summary>
    AppealDecisionLetter,

    /// <summary>Findings and photos of a site inspection (synfaring).</summary>
    SiteInspection,

    /// <summary>An internal note of the administration: not shown to the parties (fvl. § 18 second paragraph).</summary>
    InternalNote,

    /// <summary>A party's comments to a forwarding letter (fvl. § 33 fourth paragraph), and files with them.</summary>
    Comment,

    /// <summary>The municipality's confirmation to the guardians that the appeal is withdrawn and the decision stands.</summary>
    AppealWithdrawalConfirmation,
    /// <summary>The forwarding of the case (or one home's part) to the county's unit (opplæringslova § 4-1 first paragraph).</summary>
    CountyForwarding,
}
