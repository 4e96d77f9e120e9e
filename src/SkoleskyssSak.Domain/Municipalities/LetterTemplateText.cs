namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>
/// The texts of a decision letter's notice (fvl. § 27: the right to appeal, the deadline, where and how, the right to
/// see the documents, fvl. §§ 18–19, and the duty to give guidance, fvl. § 11) that a municipality may word itself.
/// The names are the keys of the default texts (CaseTexts.resx).
/// </summary>
public enum NoticeText
{
    AppealHeading,
    AppealText,
    AppealHow,
    AccessHeading,
    AccessText,
    GuidanceHeading,
    GuidanceText,
    SignatureRegards,
    SignatureNote,
}

/// <summary>
/// A municipality's own wording of one notice text, replacing the default in its decision letters. No override means
/// the default in the municipality's language form.
/// </summary>
public sealed class LetterTemplateText
{
    private LetterTemplateText()
    {
        MunicipalityNumber = string.Empty;
        Text = string.Empty;
        UpdatedBy = string.Empty;
    }

    public LetterTemplateText(string municipalityNumber, NoticeText key, string text, string updatedBy, DateTimeOffset updatedAt)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipalityNumber);
        MunicipalityNumber = municipalityNumber;
        Key = key;
        Change(text, updatedBy, updatedAt);
    }

    public string MunicipalityNumber { get; private set; }

    public NoticeText Key { get; private set; }

    public string Text { get; private set; }

    /// <summary>The staff user id of the admin who wrote it last.</summary>
    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Rewords the text; a text <see cref="NoticeTextRules.Check"/> refuses is never stored.</summary>
    public void Change(string text, string updatedBy, DateTimeOffset updatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(updatedBy);
        if (NoticeTextRules.Check(Key, text) is { Count: > 0 } problems)
        {
            throw new ArgumentException($"The text is not a valid {Key}: {string.Join(", ", problems)}.", nameof(text));
        }

        Text = text;
        UpdatedBy = updatedBy;
        UpdatedAt = updatedAt;
    }
}

/// <summary>What is wrong with a proposed notice text.</summary>
public enum NoticeTextProblemKind
{
    /// <summary>Empty or only white space (an empty text means "use the default", which is not an override).</summary>
    Empty,

    /// <summary>Longer than <see cref="NoticeTextRules.MaxLength"/>.</summary>
    TooLong,

    /// <summary>A placeholder of the default (e.g. {1}, the appeal chain) is not in the text.</summary>
    MissingPlaceholder,

    /// <summary>A placeholder the letter does not fill (e.g. {2}, or {0:d}).</summary>
    UnknownPlaceholder,

    /// <summary>A brace that is not part of a placeholder.</summary>
    StrayBrace,

    /// <summary>
    /// Content the law requires of the notice is no longer in the text (<see cref="NoticeTextRules.RequiredContent"/>):
    /// the right to appeal and its deadline, how to appeal, suspension (fvl. § 42), legal costs (fvl. § 36), access.
    /// </summary>
    MissingContent,
}

/// <param name="Placeholder">The placeholder concerned ("{1}"), when there is one.</param>
/// <param name="Content">The required content missing (<see cref="NoticeContent.Element"/>), for MissingContent.</param>
public sealed record NoticeTextProblem(NoticeTextProblemKind Kind, string? Placeholder = null, string? Content = null);

/// <summary>
/// One piece of content the notice of a decision must carry, recognised in the municipality's wording by what any
/// Bokmål or Nynorsk phrasing of it has to say (the statute section, the length of the deadline).
/// </summary>
/// <param name="Key">The notice text that carries it.</param>
/// <param name="Element">Its name, e.g. "AppealDeadline" (the admin's message is NoticeTextMissingContent_{Element}).</param>
/// <param name="Pattern">What the text must contain (case-insensitive).</param>
/// <param name="Source">The statute it comes from.</param>
public sealed record NoticeContent(NoticeText Key, string Element, System.Text.RegularExpressions.Regex Pattern, string Source);

/// <summary>
/// The letter fills the notice texts with string.Format: AppealText gets {0} the municipality and {1} the appeal chain,
/// GuidanceText gets {0} the unit to contact; the others take nothing. A municipality's wording must keep exactly
/// those placeholders (the appeal chain is required content, fvl. § 27 third paragraph) and no other braces, so
/// formatting can never fail; and it must keep the rest of what the law requires the notice to say
/// (<see cref="RequiredContent"/>).
/// </summary>
public static class NoticeTextRules
{
    public const int MaxLength = 4000;

    private const System.Text.RegularExpressions.RegexOptions Options =
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant;

    /// <summary>
    /// What the notice must say besides the placeholders, per text (fvl. § 27 third paragraph: the right to appeal, the
    /// deadline, the appeal body — placeholder {1} — where — {0} — and how to appeal, and the right to see the
    /// documents, §§ 18–19; and, as the default letter says, suspension, § 42, and legal costs, § 36). A rule table:
    /// add a row, not a branch.
    /// </summary>
    public static IReadOnlyList<NoticeContent> RequiredContent { get; } =
    [
        new(NoticeText.AppealText, "AppealRight", new(@"\bklag", Options), "forvaltningsloven §§ 27–28"),
        new(NoticeText.AppealText, "AppealDeadline", new(@"\b(tre|3)\s+(uker|veker)\b", Options), "forvaltningsloven §§ 27 og 29"),
        new(NoticeText.AppealHow, "AppealInWriting", new(@"\bskriftle?i?g", Options), "forvaltningsloven §§ 27 og 32"),
        new(NoticeText.AppealHow, "Suspension", new(@"§\s*42\b", Options), "forvaltningsloven § 42"),
        new(NoticeText.AppealHow, "LegalCosts", new(@"§\s*36\b", Options), "forvaltningsloven § 36"),
        new(NoticeText.AccessText, "DocumentAccess", new(@"§§?\s*18\b", Options), "forvaltningsloven §§ 18–19 og 27"),
    ];

    public static IReadOnlyList<string> Placeholders(NoticeText key) => key switch
    {
        NoticeText.AppealText => ["{0}", "{1}"],
        NoticeText.GuidanceText => ["{0}"],
        _ => [],
    };

    /// <summary>Every problem of <paramref name="text"/> as <paramref name="key"/>; empty when it may be stored.</summary>
    public static IReadOnlyList<NoticeTextProblem> Check(NoticeText key, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [new NoticeTextProblem(NoticeTextProblemKind.Empty)];
        }

        var problems = new List<NoticeTextProblem>();
        if (text.Length > MaxLength)
        {
            problems.Add(new NoticeTextProblem(NoticeTextProblemKind.TooLong));
        }

        var expected = Placeholders(key);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stray = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '}')
            {
                stray = true;
            }
            else if (text[i] == '{')
            {
                var end = text.IndexOfAny(['{', '}'], i + 1);
                if (end < 0 || text[end] == '{')
                {
                    stray = true;
                    continue;
                }

                var placeholder = text[i..(end + 1)];
                if (expected.Contains(placeholder))
                {
                    found.Add(placeholder);
                }
                else if (!problems.Any(p => p.Placeholder == placeholder))
                {
                    problems.Add(new NoticeTextProblem(NoticeTextProblemKind.UnknownPlaceholder, placeholder));
                }

                i = end;
            }
        }

        if (stray)
        {
            problems.Add(new NoticeTextProblem(NoticeTextProblemKind.StrayBrace));
        }

        problems.AddRange(expected.Where(p => !found.Contains(p)).Select(p => new NoticeTextProblem(NoticeTextProblemKind.MissingPlaceholder, p)));
        problems.AddRange(RequiredContent.Where(c => c.Key == key && !c.Pattern.IsMatch(text)).Select(c => new NoticeTextProblem(NoticeTextProblemKind.MissingContent, Content: c.Element)));
        return problems;
    }
}
