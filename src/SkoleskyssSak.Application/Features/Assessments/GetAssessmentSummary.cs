using Mediator;
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
public sealed record GetAssessmentSummaryQuery(Guid CaseId, string MunicipalityNumber) : IQuery<AssessmentSummary?>, ICaseRead
{
    public string ReadAction => "AssessmentRead";
}

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

public sealed class GetAssessmentSummaryHandler(IApplicationDbContext db) : IQueryHandler<GetAssessmentSummaryQuery, AssessmentSummary?>
{
    public async ValueTask<AssessmentSummary?> Handle(GetAssessmentSummaryQuery query, CancellationToken cancellationToken)
    {
        var found = await AssessmentReads.LoadAsync(db, query.CaseId, query.MunicipalityNumber, cancellationToken);
        return found is { Assessment: { Objective: not null } assessment } ? AssessmentReads.Summarize(assessment, found.Value.Language) : null;
    }
}
