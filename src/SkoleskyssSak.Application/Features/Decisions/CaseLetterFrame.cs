using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// What every letter about a case has around its text: the municipality and unit as sender, the guardians at the
/// child's home address as recipients, the case number, date, pupil and school, and the signature of the unit.
/// </summary>
internal static class CaseLetterFrame
{
    /// <param name="recipients">Others than the guardians, e.g. the appeal body of a forwarding letter.</param>
    public static Letter Compose(DecisionContext context, DateOnly date, string title, IReadOnlyList<LetterSection> sections, IReadOnlyList<LetterRecipient>? recipients = null)
    {
        var language = context.Language;
        var unit = context.Municipality.HandlingUnit;
        var home = context.Form.Homes.Count > 0 ? context.Form.Homes[0] : null;
        IReadOnlyList<string> address = home is null ? [] : [home.Address, $"{home.PostalCode} {home.Place}"];
        recipients ??= context.Form.Guardians.Select(g => new LetterRecipient(g.Name, address)).ToList();
        var sender = new[] { context.MunicipalityName, unit, context.Municipality.PostalAddress }
            .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();
        List<(string, string)> facts =
        [
            (CaseTexts.Get("LetterCaseNumber", language), context.Case.CaseNumber!.ToString()),
            (CaseTexts.Get("LetterDate", language), context.Date(date)),
            (CaseTexts.Get("LetterPupil", language), context.Form.Child!.Name),
            (CaseTexts.Get("LetterSchool", language), context.School.Name),
        ];
        // The signature lines are notice texts the municipality may word itself (Features/LetterTemplates).
        var signature = new[] { context.Notice(NoticeText.SignatureRegards), unit, context.MunicipalityName, string.Empty, context.Notice(NoticeText.SignatureNote) }
            .Where(l => l is not null).Select(l => l!).ToList();
        return new Letter(language == LanguageForm.Nynorsk ? "nn" : "nb", sender, recipients, facts, title, sections, signature);
    }
}
