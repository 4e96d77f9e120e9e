using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// The appeal (fvl. § 32) and an appeal body's written decision (fvl. § 34) as real documents of the case: letters laid
/// out by <see cref="ILetterRenderer"/> and printed to tagged PDF, in the municipality's language form — never a bare text
/// file handed to the parent or the body.
/// </summary>
internal static class AppealDocuments
{
    /// <summary>The appeal as the party wrote it (or the caseworker registered it), with its attachments listed.</summary>
    public static Letter ComposeAppeal(Municipality municipality, string? schoolName, CaseNumber caseNumber, ApplicationForm form, Appeal appeal, DateOnly decisionDate, IReadOnlyList<string> attachments)
    {
        var language = municipality.LanguageForm;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        var culture = CaseTexts.CultureFor(language);
        string Date(DateOnly date) => date.ToString("d. MMMM yyyy", culture);
        var home = form.Homes.Count > 0 ? form.Homes[0] : null;
        IReadOnlyList<string> homeLines = home is null ? [] : [home.Address, $"{home.PostalCode} {home.Place}"];
        var sender = form.Guardians.Select(g => g.Name).Concat(homeLines).ToList();
        var recipient = new LetterRecipient(
            municipality.Name + " kommune",
            new[] { municipality.HandlingUnit, municipality.PostalAddress }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList());
        List<(string, string)> facts =
        [
            (T("LetterCaseNumber"), caseNumber.ToString()),
            (T("AppealDocumentReceived"), Date(appeal.ReceivedOn)),
            (T("AppealDocumentChannel"), T("AppealDocumentChannel_" + appeal.Channel)),
            (T("AppealDocumentDecision"), Date(decisionDate)),
            (T("LetterPupil"), form.Child?.Name ?? "–"),
            (T("LetterSchool"), schoolName ?? "–"),
        ];
        IReadOnlyList<string> text = appeal.Text.Length == 0 ? [T("AppealDocumentNoText")] : Decisions.DecisionLetters.Paragraphs(appeal.Text);
        IReadOnlyList<string> listed = attachments.Count == 0 ? [T("AppealDocumentNoAttachments")] : attachments;
        var sections = new List<LetterSection>
        {
            new(T("AppealDocumentTextHeading"), text),
            new(T("AppealDocumentAttachmentsHeading"), listed),
        };
        var signature = appeal.Channel == AppealChannel.Online
            ? [T("AppealDocumentSentOnline", string.Join(", ", form.Guardians.Where(g => g.IsApplicant).Select(g => g.Name)))]
            : new List<string> { T("AppealDocumentRegistered", Date(appeal.ReceivedOn)) };
        return new Letter(language == LanguageForm.Nynorsk ? "nn" : "nb", sender, [recipient], facts, T("AppealDocumentTitle"), sections, signature);
    }

    /// <summary>The appeal body's decision written in the form, as the body's letter to the guardians (copy to the municipality).</summary>
    public static Letter ComposeBodyDecision(Municipality municipality, AppealBody body, CaseNumber caseNumber, ApplicationForm form, DateOnly date, string outcome, string? resolution, string text)
    {
        var language = municipality.LanguageForm;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        var culture = CaseTexts.CultureFor(language);
        var home = form.Homes.Count > 0 ? form.Homes[0] : null;
        IReadOnlyList<string> address = home is null ? [] : [home.Address, $"{home.PostalCode} {home.Place}"];
        var recipients = form.Guardians.Select(g => new LetterRecipient(g.Name, address)).ToList();
        var sender = body.PostalAddress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (sender.Count == 0 || sender[0] != body.Name)
        {
            sender.Insert(0, body.Name);
        }

        List<(string, string)> facts =
        [
            (T("LetterCaseNumber"), caseNumber.ToString()),
            (T("LetterDate"), date.ToString("d. MMMM yyyy", culture)),
            (T("LetterPupil"), form.Child?.Name ?? "–"),
        ];
        var decision = new List<string> { T("AppealBodyDocumentOutcome", body.Name, outcome) };
        if (!string.IsNullOrWhiteSpace(resolution))
        {
            decision.AddRange(Decisions.DecisionLetters.Paragraphs(resolution));
        }

        var sections = new List<LetterSection>
        {
            new(T("DecisionHeading"), decision),
            new(T("AppealBodyDocumentLetterHeading"), [.. Decisions.DecisionLetters.Paragraphs(text), T("ForwardingCopy", municipality.Name + " kommune")]),
        };
        return new Letter(language == LanguageForm.Nynorsk ? "nn" : "nb", sender, recipients, facts, T("AppealBodyDocumentTitle"), sections, [body.Name]);
    }

    /// <summary>The letter printed to a tagged PDF (case number in the footer) and stored as a document of the case.</summary>
    public static async Task<(CaseDocument Document, CaseDocumentContent Content)> PrintAsync(
        ILetterRenderer letters, IPdfRenderer pdf, Letter letter, Guid caseId, CaseNumber caseNumber, CaseDocumentKind kind, string fileName, bool confidential, string addedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var html = await letters.RenderHtmlAsync(letter, cancellationToken);
        var bytes = await pdf.RenderAsync(new PdfDocumentRequest(html, FooterLabel: caseNumber.ToString()), cancellationToken);
        var document = CaseDocument.Produced(Guid.CreateVersion7(now), caseId, kind, fileName, "application/pdf", bytes, confidential, addedBy, now);
        return (document, new CaseDocumentContent(document.Id, bytes));
    }
}
