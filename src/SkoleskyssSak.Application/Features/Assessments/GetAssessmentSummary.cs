using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// The assessment as the decision's grounds quote it (fvl. §§ 24–25: the rules applied, the facts, the main
/// discretionary considerations). Null when the case has no objective assessment yet, or is another municipality's.
/// </summary>
/// <param name="MunicipalityNumber">The caseworker's municipality (from the sign-in).</param>
public sealed record GetAssessmentSummaryQuery(Guid CaseId, string MunicipalityNumber);

/// <summary>What the decision letter quotes from the assessment; texts in the municipality's language form.</summary>
/// <param name="RulebookVersion">The label of the rulebook version applied, e.g. <c>5028/v1</c> (give it to CaseTrigger.Decide).</param>
/// <param name="ApplicationDate">The date of application, which chose the version.</param>
/// <param name="Legs">The route leg by leg, in order.</param>
/// <param name="MatrixOutcome">The route's result from the matrix (the most generous leg).</param>
/// <param name="ManualAssessmentRequired">Some leg matched no row of the matrix.</param>
/// <param name="Departure">The justified departure from the matrix, if any.</param>
/// <param name="SubjectiveNotes">The factors with a note, in the order of <see cref="SubjectiveFactor"/>.</param>
/// <param name="SubjectiveChangesResult">Whether the child's individual circumstances change the objective result; null before the subjective assessment.</param>
/// <param name="SubjectiveConclusion">The conclusion of the subjective assessment.</param>
/// <param name="ResultingOutcome">The assessed outcome the decision starts from (CaseAssessment.AssessedOutcome).</param>
public sealed record AssessmentSummary(
    Guid CaseId,
    string RulebookVersion,
    DateOnly ApplicationDate,
    int Grade,
    IReadOnlyList<AssessmentLegLine> Legs,
    TransportOutcome MatrixOutcome,
    bool ManualAssessmentRequired,
    IReadOnlyList<SiteInspectionLine> SiteInspections,
    MatrixDepartureLine? Departure,
    IReadOnlyList<SubjectiveNoteLine> SubjectiveNotes,
    bool? SubjectiveChangesResult,
    string? SubjectiveConclusion,
    TransportOutcome ResultingOutcome);

/// <param name="Number">1-based, as on the assessment page.</param>
/// <param name="Description">The leg in plain Norwegian ("Langs fylkesveg, 60 km/t, ÅDT 1200"), or the pre-assessed segment.</param>
/// <param name="Rules">The rows (or the segment) that gave the outcome, with their published texts.</param>
/// <param name="Corrected">The caseworker corrected the leg's data after a site inspection.</param>
/// <param name="OriginalDescription">The leg as the applicant described it, when corrected.</param>
/// <param name="ManualAssessmentRequired">No row covers the leg and the caseworker has not assessed it yet.</param>
/// <param name="Manual">The caseworker's recorded assessment of a leg no row covers (its verdict is <paramref name="Outcome"/>).</param>
public sealed record AssessmentLegLine(
    int Number,
    string Description,
    TransportOutcome Outcome,
    IReadOnlyList<CitedRule> Rules,
    bool PreAssessedSegment,
    bool ManualAssessmentRequired,
    bool Corrected,
    string? OriginalDescription,
    ManualLegLine? Manual = null)
{
    /// <summary>The leg needs, or has, the caseworker's manual assessment (no row of the matrix covers it).</summary>
    public bool LeftToManualAssessment => ManualAssessmentRequired || Manual is not null;
}

/// <summary>The caseworker's concrete assessment of a leg (issue 11): the verdict, the reasons, the inspection it rests on, who and when.</summary>
/// <param name="AssessedBy">Pseudonymous staff user id.</param>
public sealed record ManualLegLine(TransportOutcome Outcome, string Reasons, SiteInspectionLine? Inspection, string AssessedBy, DateTimeOffset AssessedAt);

/// <param name="PhotoDocumentIds">Case documents of kind SiteInspection.</param>
public sealed record SiteInspectionLine(DateOnly Date, string InspectedBy, string Findings, int LegNumber, IReadOnlyList<Guid> PhotoDocumentIds);

public sealed record MatrixDepartureLine(TransportOutcome Outcome, string Justification);

public sealed record SubjectiveNoteLine(SubjectiveFactor Factor, string Note);

public sealed class GetAssessmentSummaryHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<AssessmentSummary?> HandleAsync(GetAssessmentSummaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await AssessmentReads.LoadAsync(db, query.CaseId, query.MunicipalityNumber, cancellationToken);
        if (found is not { Assessment: { Objective: not null } assessment })
        {
            return null;
        }

        audit.Record("AssessmentRead", AssessmentCommands.AuditObjectType, query.CaseId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return AssessmentReads.Summarize(assessment, found.Value.Language);
    }
}

internal static class AssessmentReads
{
    public static async Task<(SchoolTransportCase Case, LanguageForm Language, CaseAssessment? Assessment)?> LoadAsync(
        IApplicationDbContext db, Guid caseId, string? municipalityNumber, CancellationToken cancellationToken)
    {
        var @case = await AssessmentCommands.CaseAsync(db, caseId, municipalityNumber, cancellationToken);
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
