namespace SkoleskyssSak.Web.Documents;

/// <summary>What the receipt shows, already in the municipality's language form. Never a fødselsnummer.</summary>
public sealed record ReceiptLetterModel(
    string Lang,
    string Sender,
    string Title,
    string CaseNumber,
    IReadOnlyList<(string Label, string Value)> Facts,
    string NextTitle,
    IReadOnlyList<string> Next);
