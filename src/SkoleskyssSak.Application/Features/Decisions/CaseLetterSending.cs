using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// What sending any letter of a case does with it: printed to a tagged PDF, stored as a document of the case, journaled
/// as outgoing, and every guardian notified through the outbox — an enkeltvedtak (a decision on the søknad, the dismissal
/// of a late appeal, fvl. § 31), an interim reply (fvl. § 11 a) or a forwarding letter (fvl. § 33). The caller saves, in
/// one unit of work with the case's transition.
/// </summary>
internal static class CaseLetterSending
{
    /// <summary>The letter as HTML (what the preview shows) printed to PDF, with the case number in the footer.</summary>
    public static async Task<byte[]> PrintAsync(ILetterRenderer letters, IPdfRenderer pdf, DecisionContext context, Letter letter, CancellationToken cancellationToken)
    {
        var html = await letters.RenderHtmlAsync(letter, cancellationToken);
        return await pdf.RenderAsync(new PdfDocumentRequest(html, FooterLabel: context.Case.CaseNumber!.ToString()), cancellationToken);
    }

    /// <summary>Stores the printed letter, journals it outgoing under <paramref name="journalTitle"/> and notifies the guardians.</summary>
    public static CaseDocument Publish(
        IApplicationDbContext db,
        INotificationOutbox outbox,
        DecisionContext context,
        byte[] pdf,
        string fileName,
        string journalTitle,
        (string Subject, string Body, string Kind) mail,
        string staffUserId,
        DateTimeOffset now,
        CaseDocumentKind kind = CaseDocumentKind.DecisionLetter)
    {
        var letter = CaseDocument.Produced(Guid.CreateVersion7(now), context.Case.Id, kind, fileName, "application/pdf", pdf, confidential: false, staffUserId, now);
        db.Documents.Add(letter);
        db.DocumentContents.Add(new CaseDocumentContent(letter.Id, pdf));
        db.JournalEntries.Add(CaseJournal.Entry(context.Case.Id, JournalEntryKind.Outgoing, [journalTitle], journalTitle, context.Form, NorwegianTime.Today(now), now, letter.Id));
        foreach (var recipient in context.Form.GuardianEmails())
        {
            outbox.Enqueue(new Notification(recipient, mail.Subject, mail.Body, mail.Kind, context.Case.Id));
        }

        return letter;
    }
}
