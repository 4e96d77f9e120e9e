namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// The søknad of a case: its content and the pseudonym of the guardian who applies (ADR 0004: never a
/// fødselsnummer). Only the applicant may change it, and only while the case is a draft (the handlers check both).
/// </summary>
public sealed class CaseApplication
{
    public const int MaxPseudonymLength = 100;

    private CaseApplication()
    {
        ApplicantPseudonym = string.Empty;
        Content = ApplicationForm.Empty;
    }

    public CaseApplication(Guid caseId, string applicantPseudonym, ApplicationForm content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicantPseudonym);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(applicantPseudonym.Length, MaxPseudonymLength);
        CaseId = caseId;
        ApplicantPseudonym = applicantPseudonym;
        Content = content;
        UpdatedAt = now;
    }

    public Guid CaseId { get; private set; }

    public string ApplicantPseudonym { get; private set; }

    public ApplicationForm Content { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Update(ApplicationForm content, DateTimeOffset now)
    {
        Content = content;
        UpdatedAt = now;
    }
}

/// <summary>A person who is a party to a case (fvl. § 2 e), by pseudonym: "Mine saker" lists the cases where they are one.</summary>
public sealed class CaseParty
{
    private CaseParty()
    {
        PartyPseudonym = string.Empty;
    }

    public CaseParty(Guid caseId, string partyPseudonym, CasePartyRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partyPseudonym);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partyPseudonym.Length, CaseApplication.MaxPseudonymLength);
        CaseId = caseId;
        PartyPseudonym = partyPseudonym;
        Role = role;
    }

    public Guid CaseId { get; private set; }

    public string PartyPseudonym { get; private set; }

    public CasePartyRole Role { get; private set; }
}

public enum CasePartyRole
{
    Guardian,
}
