using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.LetterTemplates;

/// <summary>
/// The notice texts of a decision letter (fvl. § 27): the municipality's own wording where it has one, otherwise the
/// default (CaseTexts.resx) in the municipality's language form.
/// </summary>
public static class NoticeTexts
{
    /// <summary>The audit object type of every change of a notice text; the object id is "5028/GuidanceText".</summary>
    public const string AuditObjectType = "LetterTemplate";

    public static string Default(NoticeText key, LanguageForm languageForm) => CaseTexts.Get(key.ToString(), languageForm);

    /// <summary>Every notice text as the municipality's letters use it: key → override or default.</summary>
    public static async Task<IReadOnlyDictionary<NoticeText, string>> LoadAsync(IApplicationDbContext db, Municipality municipality, CancellationToken cancellationToken)
    {
        var overrides = await db.LetterTemplateTexts.AsNoTracking()
            .Where(t => t.MunicipalityNumber == municipality.Number)
            .ToDictionaryAsync(t => t.Key, t => t.Text, cancellationToken);
        // An override stored before the rules asked for more (fvl. §§ 27, 36, 42) no longer passes them: the letter then
        // says it in the default wording rather than leave the content out.
        return Enum.GetValues<NoticeText>().ToDictionary(k => k, k => overrides.GetValueOrDefault(k) is { } text && NoticeTextRules.Check(k, text).Count == 0 ? text : Default(k, municipality.LanguageForm));
    }

    /// <summary>The placeholders of a text with what the letter puts there, in the page's language.</summary>
    public static IReadOnlyList<NoticePlaceholder> Placeholders(NoticeText key) =>
        NoticeTextRules.Placeholders(key).Select(p => new NoticePlaceholder(p, AdminTexts.Get($"NoticePlaceholder_{key}_{p.Trim('{', '}')}"))).ToList();

    /// <summary>The admin's messages for what <see cref="NoticeTextRules.Check"/> found, in the page's language.</summary>
    public static string[] Messages(NoticeText key, IEnumerable<NoticeTextProblem> problems)
    {
        var placeholders = Placeholders(key);
        var allowed = placeholders.Count == 0 ? AdminTexts.Get("NoticeTextNoPlaceholders") : string.Join(", ", placeholders.Select(p => p.Placeholder));
        return problems.Select(p => p.Kind switch
        {
            NoticeTextProblemKind.MissingPlaceholder => AdminTexts.Format("NoticeTextMissingPlaceholder", p.Placeholder, placeholders.Single(x => x.Placeholder == p.Placeholder).Meaning),
            NoticeTextProblemKind.UnknownPlaceholder => AdminTexts.Format("NoticeTextUnknownPlaceholder", p.Placeholder, allowed),
            NoticeTextProblemKind.StrayBrace => AdminTexts.Format("NoticeTextStrayBrace", allowed),
            NoticeTextProblemKind.TooLong => AdminTexts.Format("TooLong", NoticeTextRules.MaxLength),
            NoticeTextProblemKind.MissingContent => AdminTexts.Get("NoticeTextMissingContent_" + p.Content),
            _ => throw new ArgumentOutOfRangeException(nameof(problems), p.Kind, "An empty text is a reset, not an override."),
        }).ToArray();
    }
}

/// <param name="Placeholder">"{1}".</param>
/// <param name="Meaning">What the letter puts there ("klageinstansen").</param>
public sealed record NoticePlaceholder(string Placeholder, string Meaning);
