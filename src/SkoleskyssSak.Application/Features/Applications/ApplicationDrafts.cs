using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// A new draft case with its søknad and the applicant as a party (so the draft shows in "Mine saker"): what starting
/// a søknad (<see cref="StartApplicationHandler"/>) and copying one for a sibling (<see cref="CopyForSiblingHandler"/>) share.
/// </summary>
internal static class ApplicationDrafts
{
    public static Guid Add(IApplicationDbContext db, string municipalityNumber, string applicantPseudonym, ApplicationForm form, DateTimeOffset now)
    {
        var draft = SchoolTransportCase.CreateDraft(Guid.CreateVersion7(now), municipalityNumber, now);
        db.Cases.Add(draft);
        db.Applications.Add(new CaseApplication(draft.Id, applicantPseudonym, form, now));
        db.CaseParties.Add(new CaseParty(draft.Id, applicantPseudonym, CasePartyRole.Guardian));
        return draft.Id;
    }

    /// <summary>The name from the sign-in, trimmed to what the form allows.</summary>
    public static string ApplicantName(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        return trimmed.Length > ChildStepValidator.MaxNameLength ? trimmed[..ChildStepValidator.MaxNameLength] : trimmed;
    }
}
