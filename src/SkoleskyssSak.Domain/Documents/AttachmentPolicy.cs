using System.Security.Cryptography;

namespace SkoleskyssSak.Domain.Documents;

/// <summary>
/// What a parent may attach to an application or a reply (issue 4): PDF, JPEG or PNG, at most 10 MB each and
/// 5 files. The type is decided by the file's content (its magic bytes), never by its name or the browser's
/// content type, so a renamed executable is refused.
/// </summary>
public static class AttachmentPolicy
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The file's real type by content, or null when it is none of the accepted ones.</summary>
    public static AttachmentType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Pdf))
        {
            return AttachmentType.Pdf;
        }

        if (content.StartsWith(Png))
        {
            return AttachmentType.Png;
        }

        return content.StartsWith(Jpeg) ? AttachmentType.Jpeg : null;
    }

    /// <summary>Checks one file against the policy, given how many files are already attached.</summary>
    public static AttachmentCheck Check(ReadOnlySpan<byte> content, int alreadyAttached)
    {
        if (alreadyAttached >= MaxFiles)
        {
            return AttachmentCheck.Refused(AttachmentRefusal.TooManyFiles);
        }

        if (content.Length == 0)
        {
            return AttachmentCheck.Refused(AttachmentRefusal.Empty);
        }

        if (content.Length > MaxBytes)
        {
            return AttachmentCheck.Refused(AttachmentRefusal.TooLarge);
        }

        return Detect(content) is { } type
            ? AttachmentCheck.Accepted(type, Convert.ToHexStringLower(SHA256.HashData(content)))
            : AttachmentCheck.Refused(AttachmentRefusal.UnsupportedType);
    }

    public static string ContentType(AttachmentType type) => type switch
    {
        AttachmentType.Pdf => "application/pdf",
        AttachmentType.Jpeg => "image/jpeg",
        _ => "image/png",
    };
}

public enum AttachmentType
{
    Pdf,
    Jpeg,
    Png,
}

public enum AttachmentRefusal
{
    Empty,
    TooLarge,
    TooManyFiles,
    UnsupportedType,
}

/// <summary>The outcome of <see cref="AttachmentPolicy.Check"/>: the detected type and SHA-256, or why it was refused.</summary>
public sealed record AttachmentCheck(AttachmentType? Type, string? Sha256, AttachmentRefusal? Refusal)
{
    public bool IsAccepted => Refusal is null;

    public static AttachmentCheck Accepted(AttachmentType type, string sha256) => new(type, sha256, null);

    public static AttachmentCheck Refused(AttachmentRefusal refusal) => new(null, null, refusal);
}
