using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Persistence;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>
/// The assessment every decision rests on (objective, then subjective with its conclusion), recorded through the
/// assessment's own handlers (the assessment page has its own tests). The case must be in assessment (taken).
/// </summary>
public static class RecordedAssessments
{
    /// <summary>The staff user recorded as the assessor (not the decision's drafter: four-eyes concerns the decision).</summary>
    public const string Assessor = "assessor-in-tests";

    /// <summary>
    /// Runs the matrix and records the subjective assessment: when <paramref name="conclusion"/> is null or what the
    /// matrix gives, the child's circumstances do not change the result; otherwise they change it to <paramref name="conclusion"/>.
    /// Returns the assessed outcome.
    /// </summary>
    public static async Task<TransportOutcome> RecordAsync(SkoleskyssAppFactory app, Guid caseId, string municipality, TransportOutcome? conclusion = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var revision = await db.CaseAssessments.AsNoTracking().Where(a => a.CaseId == caseId).Select(a => (int?)a.Revision).SingleOrDefaultAsync() ?? 0;
        var sender = services.GetRequiredService<ISender>();
        var ran = await sender.Send(new RunObjectiveAssessmentCommand(caseId, municipality, Assessor, revision), default);
        Assert.True(ran.IsOk, ran.ToString());

        var assessment = await db.CaseAssessments.AsNoTracking().SingleAsync(a => a.CaseId == caseId);
        var objective = assessment.Objective!.ObjectiveOutcome;
        var changes = conclusion is { } wanted && wanted != objective;
        var saved = await sender.Send(
            new SaveSubjectiveAssessmentCommand(
                caseId,
                municipality,
                Assessor,
                assessment.Revision,
                new Dictionary<SubjectiveFactor, string?>(),
                changes,
                changes ? "Elevens individuelle forhold endrer resultatet etter retningslinjen." : "Elevens forhold endrer ikke resultatet.",
                changes ? conclusion : null),
            default);
        Assert.True(saved.IsOk, saved.ToString());
        return changes ? conclusion!.Value : objective;
    }
}
