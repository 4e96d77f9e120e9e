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
        if (!ApplicationAccess.IsValidPseudonym(command.ApplicantPseudonym))
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
        audit.Record("ApplicationStarted", ApplicationAccess.AuditObjectType, draftId.ToString());
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

/// <summary>Who may reach a case: its applicant (the draft and the form) and its parties ("Mine saker").</summary>
internal static class ApplicationAccess
{
    public const string AuditObjectType = "Case";

    public static bool IsValidPseudonym(string? pseudonym)
    {
        if (string.IsNullOrWhiteSpace(pseudonym) || pseudonym.Length > CaseApplication.MaxPseudonymLength)
        {
            return false;
        }

        try
        {
            _ = new CaseActor(pseudonym, CaseActorRole.Guardian);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The case's søknad if <paramref name="pseudonym"/> is its applicant; otherwise null, whether or not it exists.</summary>
    public static Task<CaseApplication?> ApplicationOfApplicantAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, bool tracking, CancellationToken cancellationToken)
    {
        if (!IsValidPseudonym(pseudonym))
        {
            return Task.FromResult<CaseApplication?>(null);
        }

        var query = tracking ? db.Applications : db.Applications.AsNoTracking();
        return query.SingleOrDefaultAsync(a => a.CaseId == caseId && a.ApplicantPseudonym == pseudonym, cancellationToken);
    }

    /// <summary>Null when the caller's draft may be changed; else NotFound (not the applicant's) or Refused (already sent).</summary>
    public static async Task<ApplicationResult?> DraftOfApplicantAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, CancellationToken cancellationToken)
    {
        if (await ApplicationOfApplicantAsync(db, caseId, pseudonym, tracking: false, cancellationToken) is null)
        {
            return new ApplicationResult.NotFound();
        }

        var state = await db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(cancellationToken);
        return state == CaseState.Draft ? null : new ApplicationResult.Refused(ApplicationTexts.Get("NotDraft"));
    }

    /// <summary>
    /// Commits the unit of work: Saved, or Conflict when someone changed the same case meanwhile (optimistic
    /// concurrency on xmin) — nothing of this request is then saved, and the caller shows what was typed again.
    /// </summary>
    public static async Task<ApplicationResult> SaveOrConflictAsync(IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApplicationResult.Saved(caseId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ApplicationResult.Conflict(ApplicationTexts.Get("Conflict"));
        }
    }

    public static async Task<bool> IsPartyAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, CancellationToken cancellationToken) =>
        IsValidPseudonym(pseudonym)
        && await db.CaseParties.AnyAsync(p => p.CaseId == caseId && p.PartyPseudonym == pseudonym, cancellationToken);
}
