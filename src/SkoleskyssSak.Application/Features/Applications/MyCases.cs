using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>"Mine saker": every case where the signed-in person is a party, newest first.</summary>
public sealed record ListMyCasesQuery(string PartyPseudonym);

/// <param name="CaseNumber">Null while the case is a draft.</param>
/// <param name="ChildFirstName">Only the first name: enough to tell siblings apart.</param>
public sealed record MyCaseSummary(Guid CaseId, CaseNumber? CaseNumber, CaseState State, string? SchoolName, string? ChildFirstName, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

public sealed class ListMyCasesHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<MyCaseSummary>> HandleAsync(ListMyCasesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!ApplicationAccess.IsValidPseudonym(query.PartyPseudonym))
        {
            return [];
        }

        var caseIds = db.CaseParties.Where(p => p.PartyPseudonym == query.PartyPseudonym).Select(p => p.CaseId);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Events).Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToDictionaryAsync(a => a.CaseId, cancellationToken);
        var schoolIds = applications.Values.Where(a => a.Content.Child is not null).Select(a => a.Content.Child!.SchoolId).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return cases
            .Select(c =>
            {
                var application = applications.GetValueOrDefault(c.Id);
                var child = application?.Content.Child;
                return new MyCaseSummary(
                    c.Id,
                    c.CaseNumber,
                    c.State,
                    child is null ? null : schools.GetValueOrDefault(child.SchoolId),
                    child?.FirstName(),
                    c.Events.Where(e => e.Trigger == CaseTrigger.Submit).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault(),
                    application?.UpdatedAt ?? c.CreatedAt);
            })
            .OrderByDescending(s => s.SubmittedAt ?? s.UpdatedAt)
            .ToList();
    }
}

/// <summary>One of "Mine saker": the case, its søknad and its timeline, for a party only.</summary>
public sealed record GetMyCaseQuery(Guid CaseId, string PartyPseudonym);

public sealed record MyCaseEvent(DateTimeOffset OccurredAt, CaseTrigger Trigger, CaseState From, CaseState To);

/// <param name="IsApplicant">The caller applied (and may edit the draft).</param>
/// <param name="CanWithdraw">The state machine lets a guardian withdraw now.</param>
public sealed record MyCaseDetails(
    Guid CaseId,
    string MunicipalityNumber,
    CaseNumber? CaseNumber,
    CaseState State,
    string? SchoolName,
    ApplicationForm Application,
    IReadOnlyList<MyCaseEvent> Timeline,
    bool IsApplicant,
    bool CanWithdraw);

public sealed class GetMyCaseHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyCaseDetails?> HandleAsync(GetMyCaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await ApplicationAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == query.CaseId, cancellationToken);
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == query.CaseId, cancellationToken);
        var form = application.Content;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        audit.Record("ApplicationRead", ApplicationAccess.AuditObjectType, @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new MyCaseDetails(
            @case.Id,
            @case.MunicipalityNumber,
            @case.CaseNumber,
            @case.State,
            school,
            form,
            @case.Events.OrderBy(e => e.Sequence).Select(e => new MyCaseEvent(e.OccurredAt, e.Trigger, e.From, e.To)).ToList(),
            application.ApplicantPseudonym == query.PartyPseudonym,
            @case.PermittedTriggers(CaseActorRole.Guardian).Contains(CaseTrigger.Withdraw));
    }
}
