using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Cases;

/// <summary>
/// The case's entries in the municipality's journal (postjournal): every incoming and outgoing document and note
/// goes through here, so the public title never names the child or a guardian (offentleglova § 13).
/// </summary>
public static class CaseJournal
{
    /// <summary>
    /// A journal entry with the first of <paramref name="publicTitles"/> that holds no personal name of the form
    /// (longest first: each next one says less).
    /// </summary>
    public static JournalEntry Entry(Guid caseId, JournalEntryKind kind, IReadOnlyList<string> publicTitles, string title, ApplicationForm form, DateOnly today, DateTimeOffset now, Guid? documentId = null, bool confidential = false)
    {
        var names = form.PersonalNames().ToList();
        for (var i = 0; ; i++)
        {
            try
            {
                return JournalEntry.Register(Guid.CreateVersion7(now), caseId, kind, today, publicTitles[i], title, names, now, documentId, confidential);
            }
            catch (ArgumentException) when (i < publicTitles.Count - 1)
            {
                // The next, shorter public title.
            }
        }
    }

    /// <summary>A title cut to what the journal holds.</summary>
    public static string Limit(string text) => text.Length <= JournalEntry.MaxTitleLength ? text : text[..JournalEntry.MaxTitleLength];
}
