namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// The stable pseudonym of a citizen (ADR 0004): what audit records, case events and party rows store instead
/// of the fødselsnummer. The same person always gets the same pseudonym, whether signed in or named in a form.
/// </summary>
public interface ICitizenPseudonyms
{
    string PseudonymFor(string personIdentifier);
}
