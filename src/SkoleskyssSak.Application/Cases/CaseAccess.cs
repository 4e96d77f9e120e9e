using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Application.Cases;

/// <summary>
/// Who may reach a case: its applicant (the draft and the form) and its parties ("Mine saker"). Anyone else gets
/// <see cref="Failure.NotFound"/>, whether or not the case exists.
/// </summary>
public static class CaseAccess
{
    /// <summary>The audit object type of every read and change of a case.</summary>
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
    public static async Task<Failure?> DraftOfApplicantAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, CancellationToken cancellationToken)
    {
        if (await ApplicationOfApplicantAsync(db, caseId, pseudonym, tracking: false, cancellationToken) is null)
        {
            return new Failure.NotFound();
        }

        var state = await db.Cases.Where(c => c.Id == caseId).Select(c => c.State).SingleAsync(cancellationToken);
        return state == CaseState.Draft ? null : new Failure.Refused(CaseTexts.Get("NotDraft"));
    }

    public static async Task<bool> IsPartyAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, CancellationToken cancellationToken) =>
        IsValidPseudonym(pseudonym)
        && await db.CaseParties.AnyAsync(p => p.CaseId == caseId && p.PartyPseudonym == pseudonym, cancellationToken);

    /// <summary>
    /// Commits the command's unit of work: null, or Conflict when someone changed the same case meanwhile (optimistic
    /// concurrency on xmin) — nothing of this request is then saved, and the page shows what was typed again.
    /// </summary>
    public static async Task<Failure?> SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(CaseTexts.Get("Conflict"));
        }
    }
}
