using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>The assessment page of a case of the caseworker's municipality (null for any other case).</summary>
public sealed record GetCaseAssessmentQuery(Guid CaseId, string MunicipalityNumber) : IQuery<CaseAssessmentView?>, ICaseRead
{
    public string ReadAction => "AssessmentRead";
}

/// <param name="NotEditableReason">Why nothing can be changed (the case is not in assessment, or is decided); null when it can.</param>
/// <param name="Revision">The revision to send back with a change (0 before any).</param>
/// <param name="Assessment">The stored assessment (its legs, notes and conclusion fill the forms); null before any.</param>
/// <param name="Summary">The assessment as the decision quotes it; null before the objective assessment has run.</param>
/// <param name="GuardianReasons">What the guardian wrote per subjective factor in the søknad (may hold health information).</param>
/// <param name="StaffNames">The display names of the municipality's caseworkers by staff user id (who recorded what).</param>
public sealed record CaseAssessmentView(
    Guid CaseId,
    CaseNumber? CaseNumber,
    CaseState State,
    string? NotEditableReason,
    int? Grade,
    DateOnly ApplicationDate,
    int Revision,
    CaseAssessment? Assessment,
    AssessmentSummary? Summary,
    IReadOnlyDictionary<SubjectiveFactor, string> GuardianReasons,
    IReadOnlyDictionary<string, string>? StaffNames = null)
{
    /// <summary>The caseworker's display name, or the pseudonymous id when they are no longer a caseworker of the municipality.</summary>
    public string StaffName(string staffUserId) => StaffNames?.GetValueOrDefault(staffUserId) ?? staffUserId;
}

public sealed class GetCaseAssessmentHandler(IApplicationDbContext db, IStaffDirectory staff) : IQueryHandler<GetCaseAssessmentQuery, CaseAssessmentView?>
{
    public async ValueTask<CaseAssessmentView?> Handle(GetCaseAssessmentQuery query, CancellationToken cancellationToken)
    {
        if (await AssessmentReads.LoadAsync(db, query.CaseId, query.MunicipalityNumber, cancellationToken) is not { } found)
        {
            return null;
        }

        var (@case, language, assessment) = found;
        var form = (await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == @case.Id, cancellationToken))?.Content;
        return new CaseAssessmentView(
            @case.Id,
            @case.CaseNumber,
            @case.State,
            CaseAssessment.Editable(@case.State) is { } refusal ? AssessmentTexts.Refusal(refusal) : null,
            form?.Child?.Grade,
            AssessmentChanges.ApplicationDate(@case),
            assessment?.Revision ?? 0,
            assessment,
            assessment is null ? null : AssessmentReads.Summarize(assessment, language),
            form?.Reasons.Factors ?? new Dictionary<SubjectiveFactor, string>(),
            (await staff.CaseworkersOfAsync(@case.MunicipalityNumber, cancellationToken)).ToDictionary(s => s.Id.ToString(), s => s.DisplayName, StringComparer.OrdinalIgnoreCase));
    }
}
