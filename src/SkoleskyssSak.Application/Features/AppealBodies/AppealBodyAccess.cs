using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>An appeal body sees a case only because a step of the chain (open or decided) names it.</summary>
internal static class AppealBodyAccess
{
    public static IQueryable<SchoolTransportCase> CasesOf(IApplicationDbContext db, string bodyCode) =>
        db.Cases.Where(c => db.AppealForwardings.Any(f => f.CaseId == c.Id && f.BodyCode == bodyCode));

    public static bool IsCommittee(AppealBody body) => body.Kind is AppealBodyKind.PoliticalCommittee or AppealBodyKind.Formannskap;

    /// <summary>The body after <paramref name="bodyCode"/> in the case's chain (rulebook in force when the søknad came in), or null.</summary>
    public static async Task<string?> NextBodyAsync(IApplicationDbContext db, Rulebooks.RulebookProvider rulebooks, Guid caseId, string bodyCode, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        var school = @case.SchoolId is { } schoolId ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, cancellationToken) : null;
        if (school is null)
        {
            return null;
        }

        var received = Domain.Time.NorwegianTime.Today(CaseSubmission.SubmittedAt(@case) ?? @case.CreatedAt);
        var rulebook = await rulebooks.InForceAsync(@case.MunicipalityNumber, received, cancellationToken);
        var chain = await Decisions.DecisionContext.AppealChainCodesAsync(db, rulebook, school, cancellationToken);
        var index = chain.ToList().IndexOf(bodyCode);
        return index >= 0 && index < chain.Count - 1 ? chain[index + 1] : null;
    }
}
