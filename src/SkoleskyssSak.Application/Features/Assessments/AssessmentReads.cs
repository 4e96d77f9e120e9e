using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>What the assessment's queries (and the appeal body's case file) share: the case with its assessment, and the summary the decision quotes.</summary>
internal static class AssessmentReads
{
    public static async Task<(SchoolTransportCase Case, LanguageForm Language, CaseAssessment? Assessment)?> LoadAsync(
        IApplicationDbContext db, Guid caseId, string? municipalityNumber, CancellationToken cancellationToken)
    {
        var @case = await AssessmentChanges.CaseAsync(db, caseId, municipalityNumber, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var language = await db.Municipalities.AsNoTracking().Where(m => m.Number == @case.MunicipalityNumber).Select(m => m.LanguageForm).SingleAsync(cancellationToken);
        var assessment = await db.CaseAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == caseId, cancellationToken);
        return (@case, language, assessment);
    }

    /// <summary>The summary, or null before the objective assessment has run.</summary>
    public static AssessmentSummary? Summarize(CaseAssessment assessment, LanguageForm language)
    {
        if (assessment.Objective is not { } objective)
        {
            return null;
        }

        var legs = objective.Legs.Select((leg, i) => new AssessmentLegLine(
            i + 1,
            leg.Leg is { } described ? AssessmentExplainer.Describe(described, language) : AssessmentTexts.Format("SegmentLeg", language, leg.SegmentId),
            leg.Outcome,
            leg.Rules,
            leg.SegmentId is not null,
            leg.ManualAssessmentRequired,
            leg.Corrected,
            leg.OriginalLeg is { } original ? AssessmentExplainer.Describe(original, language) : null,
            leg.Manual is { } manual ? new ManualLegLine(manual.Outcome, manual.Reasons, manual.Inspection is { } s ? Line(s) : null, manual.AssessedBy, manual.AssessedAt) : null)).ToList();
        var subjective = assessment.Subjective;
        return new AssessmentSummary(
            assessment.CaseId,
            objective.RulebookVersion,
            objective.ApplicationDate,
            objective.Grade,
            legs,
            objective.MatrixOutcome,
            objective.ManualAssessmentRequired,
            objective.SiteInspections.Select(Line).ToList(),
            objective.Departure is { } d ? new MatrixDepartureLine(d.Outcome, d.Justification) : null,
            subjective is null ? [] : subjective.Notes.OrderBy(n => n.Key).Select(n => new SubjectiveNoteLine(n.Key, n.Value)).ToList(),
            subjective?.ChangesResult,
            subjective?.Conclusion,
            assessment.AssessedOutcome()!.Value);
    }

    private static SiteInspectionLine Line(SiteInspection s) => new(s.Date, s.InspectedBy, s.Findings, s.LegNumber, s.PhotoDocumentIds);
}
