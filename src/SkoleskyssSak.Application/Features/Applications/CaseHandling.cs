using SkoleskyssSak.Domain.Deadlines;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>Who handles the case and when the parent may expect an answer (issue 4: "the expected processing time, the caseworker's unit").</summary>
/// <param name="Unit">Null when the municipality has not configured it.</param>
/// <param name="ProcessingWeeks">Null when the municipality announces no processing time.</param>
/// <param name="ExpectedDecisionBy">Null for a draft, or without a processing time.</param>
public sealed record CaseHandling(string MunicipalityName, LanguageForm LanguageForm, string? Unit, int? ProcessingWeeks, DateOnly? ExpectedDecisionBy)
{
    public static CaseHandling Of(Municipality municipality, DateTimeOffset? submittedAt)
    {
        var received = submittedAt is { } at ? NorwegianTime.Today(at) : (DateOnly?)null;
        return new CaseHandling(municipality.Name, municipality.LanguageForm, municipality.HandlingUnit, municipality.ExpectedProcessingWeeks, ExpectedDecisionDate.From(received, municipality.ExpectedProcessingWeeks));
    }
}
