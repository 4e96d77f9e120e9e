using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.InterimReplies;

/// <summary>
/// Composes the interim reply (fvl. § 11 a third paragraph) in the municipality's language form: when the søknad was
/// received, why it takes longer than a month, when an answer can be expected, and whom to contact. The sender,
/// address and reference blocks are those of every letter about a case (<see cref="CaseLetterFrame"/>).
/// </summary>
internal static class InterimReplyLetters
{
    public static Letter Compose(DecisionContext context, DateOnly expected, DateOnly date)
    {
        var language = context.Language;
        string T(string key, params object?[] args) => args.Length == 0 ? ApplicationTexts.Get(key, language) : ApplicationTexts.Format(key, language, args);

        var contact = context.Municipality.HandlingUnit ?? context.MunicipalityName;
        var sections = new List<LetterSection>
        {
            new(T("InterimReplyHeading"), [T("InterimReplyReceived", context.Form.Child!.FirstName(), context.Date(context.ReceivedOn), context.Case.CaseNumber), T("InterimReplyWhy"), T("InterimReplyLaw")]),
            new(T("InterimReplyExpectedHeading"), [T("InterimReplyExpected", context.Date(expected))]),
            new(T("InterimReplyContactHeading"), [T("InterimReplyContact", contact)]),
        };
        return CaseLetterFrame.Compose(context, date, T("InterimReplyTitle"), sections);
    }

    public static string FileName(DecisionContext context) =>
        $"forelopig-svar-{context.Case.CaseNumber!.Year}-{context.Case.CaseNumber.Sequence:00000}.pdf";
}

/// <summary>
/// What every letter about a case has around its text: the municipality and unit as sender, the guardians at the
/// child's home address as recipients, the case number, date, pupil and school, and the signature of the unit.
/// (The decision letter composes the same blocks itself; it can move to this frame when that feature is next changed.)
/// </summary>
internal static class CaseLetterFrame
{
    public static Letter Compose(DecisionContext context, DateOnly date, string title, IReadOnlyList<LetterSection> sections)
    {
        var language = context.Language;
        var unit = context.Municipality.HandlingUnit;
        var home = context.Form.Homes.Count > 0 ? context.Form.Homes[0] : null;
        IReadOnlyList<string> address = home is null ? [] : [home.Address, $"{home.PostalCode} {home.Place}"];
        var recipients = context.Form.Guardians.Select(g => new LetterRecipient(g.Name, address)).ToList();
        var sender = new[] { context.MunicipalityName, unit, context.Municipality.PostalAddress }
            .Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList();
        List<(string, string)> facts =
        [
            (ApplicationTexts.Get("LetterCaseNumber", language), context.Case.CaseNumber!.ToString()),
            (ApplicationTexts.Get("LetterDate", language), context.Date(date)),
            (ApplicationTexts.Get("LetterPupil", language), context.Form.Child!.Name),
            (ApplicationTexts.Get("LetterSchool", language), context.School.Name),
        ];
        var signature = new[] { ApplicationTexts.Get("SignatureRegards", language), unit, context.MunicipalityName, string.Empty, ApplicationTexts.Get("SignatureNote", language) }
            .Where(l => l is not null).Select(l => l!).ToList();
        return new Letter(language == LanguageForm.Nynorsk ? "nn" : "nb", sender, recipients, facts, title, sections, signature);
    }
}
