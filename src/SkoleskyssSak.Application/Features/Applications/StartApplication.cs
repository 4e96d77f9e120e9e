using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// The signed-in guardian starts a søknad in a municipality: a draft case with an empty form in which the applicant is
/// the first guardian, and the applicant as a party (so the draft shows in "Mine saker").
/// </summary>
/// <param name="ApplicantPseudonym">The citizen's pseudonymous id (ADR 0004), never a fødselsnummer.</param>
/// <param name="ApplicantNationalIdentityNumber">The fødselsnummer from the sign-in; kept in the form only.</param>
public sealed record StartApplicationCommand(string MunicipalityNumber, string ApplicantPseudonym, string? ApplicantNationalIdentityNumber, string ApplicantName);

public sealed class StartApplicationHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<ApplicationResult> HandleAsync(StartApplicationCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!CaseAccess.IsValidPseudonym(command.ApplicantPseudonym))
        {
            return ApplicationResult.Invalid.Text(nameof(command.ApplicantPseudonym), "ApplicantInvalid");
        }

        var municipalityNumber = command.MunicipalityNumber?.Trim() ?? string.Empty;
        if (municipalityNumber.Length != 4 || !municipalityNumber.All(char.IsAsciiDigit)
            || !await db.Municipalities.AnyAsync(m => m.Number == municipalityNumber, cancellationToken))
        {
            return ApplicationResult.Invalid.Text(nameof(command.MunicipalityNumber), "MunicipalityUnknown");
        }

        var nin = NationalIdentityNumber.TryParse(command.ApplicantNationalIdentityNumber, out var parsed) ? parsed!.Value : null;
        var form = ApplicationForm.Empty with { Guardians = [new ApplicationGuardian(ApplicationDrafts.ApplicantName(command.ApplicantName), null, null, nin, IsApplicant: true)] };
        var draftId = ApplicationDrafts.Add(db, municipalityNumber, command.ApplicantPseudonym, form, clock.GetUtcNow());
        audit.Record("ApplicationStarted", CaseAccess.AuditObjectType, draftId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicationResult.Started(draftId);
    }
}

/// <summary>A new draft case with its søknad and the applicant as a party (so the draft shows in "Mine saker").</summary>
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
