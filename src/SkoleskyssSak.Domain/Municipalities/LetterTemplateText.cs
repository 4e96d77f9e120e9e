namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>
/// The texts of a decision letter's notice (fvl. § 27: the right to appeal, the deadline, where and how, the right to
/// see the documents, fvl. §§ 18–19, and the duty to give guidance, fvl. § 11) that a municipality may word itself.
/// The names are the keys of the default texts (ApplicationTexts.resx).
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
}

/// <param name="Placeholder">The placeholder concerned ("{1}"), when there is one.</param>
public sealed record NoticeTextProblem(NoticeTextProblemKind Kind, string? Placeholder = null);

/// <summary>
/// The letter fills the notice texts with string.Format: AppealText gets {0} the municipality and {1} the appeal chain,
/// GuidanceText gets {0} the unit to contact; the others take nothing. A municipality's wording must keep exactly
/// those placeholders (the appeal chain is required content, fvl. § 27 third paragraph) and no other braces, so
/// formatting can never fail.
/// </summary>
public static class NoticeTextRules
{
    public const int MaxLength = 4000;

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
        return problems;
    }
}
