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
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);

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
