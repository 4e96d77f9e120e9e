namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// A journal entry (journalpost) of a case: an incoming (I) or outgoing (U) document, or an internal note (N).
/// The public title is what the public journal shows (offentleglova): it must not reveal the child's name or
/// health (offentleglova § 13, fvl. § 13), e.g. "Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 –
/// Gimse skole". The full title may name the child and is shown only to the parties and the caseworkers.
/// Internal notes are not shown to the parties (fvl. §§ 18–19, issue 4 "not internal notes").
/// </summary>
public sealed class JournalEntry
{
    public const int MaxTitleLength = 300;

    private JournalEntry()
    {
        PublicTitle = string.Empty;
        Title = string.Empty;
    }

    private JournalEntry(Guid id, Guid caseId, JournalEntryKind kind, DateOnly documentDate, string publicTitle, string title, Guid? documentId, bool confidential, DateTimeOffset registeredAt)
    {
        Id = id;
        CaseId = caseId;
        Kind = kind;
        DocumentDate = documentDate;
        PublicTitle = publicTitle;
        Title = title;
        DocumentId = documentId;
        Confidential = confidential;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public JournalEntryKind Kind { get; private set; }

    /// <summary>The document's own date (sent or received), a Norwegian date.</summary>
    public DateOnly DocumentDate { get; private set; }

    public string PublicTitle { get; private set; }

    public string Title { get; private set; }

    public Guid? DocumentId { get; private set; }

    /// <summary>Exempt from public access (offentleglova § 13 with fvl. § 13): e.g. a doctor's statement.</summary>
    public bool Confidential { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Whether a party of the case may see it (fvl. §§ 18–19: internal notes are exempt).</summary>
    public bool VisibleToParties => Kind != JournalEntryKind.Note;

    /// <summary>
    /// Registers an entry. Refused (ArgumentException) when the public title contains any of the given personal
    /// names or a fødselsnummer-shaped number: the public title must never identify the child.
    /// </summary>
    public static JournalEntry Register(
        Guid id,
        Guid caseId,
        JournalEntryKind kind,
        DateOnly documentDate,
        string publicTitle,
        string title,
        IEnumerable<string> namesThatMustNotAppear,
        DateTimeOffset now,
        Guid? documentId = null,
        bool confidential = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publicTitle);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (publicTitle.Length > MaxTitleLength || title.Length > MaxTitleLength)
        {
            throw new ArgumentException($"A journal title has at most {MaxTitleLength} characters.", nameof(title));
        }

        foreach (var name in namesThatMustNotAppear.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            // Only the parts that are words: a number in a name (a TestID person "Last Test 20") is not what names the
            // child, and must not block the school year or the case number (2026/00020); the fødselsnummer check is below.
            foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length > 1 && p.Any(char.IsLetter)))
            {
                // Whole words only: a guardian called "Li" must not block the word "særlig".
                if (System.Text.RegularExpressions.Regex.IsMatch(
                        publicTitle,
                        $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(part)}(?![\p{{L}}\p{{N}}])",
                        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
                        TimeSpan.FromSeconds(1)))
                {
                    throw new ArgumentException("The public title must not name the child or a guardian (offentleglova § 13).", nameof(publicTitle));
                }
            }
        }

        if (ContainsElevenDigits(publicTitle))
        {
            throw new ArgumentException("The public title must not contain a fødselsnummer.", nameof(publicTitle));
        }

        return new JournalEntry(id, caseId, kind, documentDate, publicTitle, title, documentId, confidential, now);
    }

    private static bool ContainsElevenDigits(string text) => text.Count(char.IsAsciiDigit) >= 11 &&
        System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<!\d)\d{6} ?\d{5}(?!\d)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}

/// <summary>I (inngående), U (utgående), N (notat).</summary>
public enum JournalEntryKind
{
    Incoming,
    Outgoing,
    Note,
}
