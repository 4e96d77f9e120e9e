using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// Transitional: the søknad's old result shape over <see cref="CaseAccess"/>, until every caller returns
/// <see cref="CommandResult"/> (issue 12). Do not add callers.
/// </summary>
internal static class ApplicationAccess
{
    public static async Task<ApplicationResult?> DraftOfApplicantAsync(IApplicationDbContext db, Guid caseId, string? pseudonym, CancellationToken cancellationToken) =>
        await CaseAccess.DraftOfApplicantAsync(db, caseId, pseudonym, cancellationToken) switch
        {
            null => null,
            Failure.NotFound => new ApplicationResult.NotFound(),
            Failure.Refused r => new ApplicationResult.Refused(r.Reason),
            var other => throw new InvalidOperationException(other.ToString()),
        };

    public static async Task<ApplicationResult> SaveOrConflictAsync(IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await CaseAccess.SaveAsync(db, cancellationToken) is Failure.Conflict c ? new ApplicationResult.Conflict(c.Reason) : new ApplicationResult.Saved(caseId);
}
