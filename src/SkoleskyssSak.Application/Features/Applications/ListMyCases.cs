using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>"Mine saker": every case where the signed-in person is a party, newest first.</summary>
public sealed record ListMyCasesQuery(string PartyPseudonym) : IQuery<IReadOnlyList<MyCaseSummary>>;

/// <param name="CaseNumber">Null while the case is a draft.</param>
/// <param name="ChildFirstName">Only the first name: enough to tell siblings apart.</param>
public sealed record MyCaseSummary(Guid CaseId, CaseNumber? CaseNumber, CaseState State, string? SchoolName, string? ChildFirstName, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

public sealed class ListMyCasesHandler(IApplicationDbContext db) : IQueryHandler<ListMyCasesQuery, IReadOnlyList<MyCaseSummary>>
{
    public async ValueTask<IReadOnlyList<MyCaseSummary>> Handle(ListMyCasesQuery query, CancellationToken cancellationToken)
    {
        if (!CaseAccess.IsValidPseudonym(query.PartyPseudonym))
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
                    CaseSubmission.SubmittedAt(c),
                    application?.UpdatedAt ?? c.CreatedAt);
            })
            .OrderByDescending(s => s.SubmittedAt ?? s.UpdatedAt)
            .ToList();
    }
}
