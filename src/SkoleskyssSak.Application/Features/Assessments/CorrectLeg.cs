using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// Corrects the data of one described leg after a site inspection (fvl. § 17): when, who, what was found, and photos
/// (stored as case documents of kind SiteInspection and journaled as notes); the matrix then runs again.
/// </summary>
/// <param name="LegNumber">The leg (1-based) in the assessment's list.</param>
/// <param name="Photos">Photos of the inspection (AttachmentPolicy: JPEG, PNG or PDF by content, 10 MB, 5 files).</param>
public sealed record CorrectLegCommand(
    Guid CaseId,
    string MunicipalityNumber,
    string StaffUserId,
    int ExpectedRevision,
    int LegNumber,
    RouteLeg Leg,
    DateOnly? InspectionDate,
    string? InspectedBy,
    string? Findings,
    IReadOnlyList<UploadedFile> Photos) : IAssessmentCommand, ICommand<CommandResult>;

/// <summary>The corrected leg is checked as any described leg is (field keys "Leg.SpeedLimit" and so on).</summary>
public sealed class CorrectLegValidator : AbstractValidator<CorrectLegCommand>
{
    public CorrectLegValidator()
    {
        RuleFor(c => c.Leg).SetValidator(new RouteLegValidator());
    }
}

public sealed class CorrectLegHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<CorrectLegCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(CorrectLegCommand command, CancellationToken cancellationToken) =>
        await AssessmentChanges.ChangeAsync(db, rulebooks, audit, clock, command, "LegCorrected", c => Task.FromResult(Correct(command, c)), cancellationToken);

    private (AssessmentChange, Failure?) Correct(CorrectLegCommand command, AssessmentChanges.Context c)
    {
        var (photos, errors) = CaseAttachments.TryStoreAll(db, c.Case.Id, CaseDocumentKind.SiteInspection, command.Photos, command.StaffUserId, c.Now, _ => "Photos");
        if (errors is not null)
        {
            return (AssessmentChange.Invalid([]), new Failure.Invalid(errors));
        }

        var inspection = new SiteInspection(
            command.InspectionDate ?? default,
            command.InspectedBy?.Trim() ?? string.Empty,
            command.Findings?.Trim() ?? string.Empty,
            command.LegNumber,
            photos.Select(p => p.Id).ToList(),
            command.StaffUserId,
            c.Now);
        var change = c.Assessment.CorrectLeg(c.Case.State, c.Rulebook, command.LegNumber, command.Leg, inspection, command.StaffUserId, c.Now);
        if (change.Succeeded)
        {
            var today = NorwegianTime.Today(c.Now);
            var year = c.Child.SchoolYearStart;
            foreach (var photo in photos)
            {
                var publicTitle = AssessmentTexts.Format("SiteInspectionPhotoPublicTitle", c.Rulebook.LanguageForm, year, year + 1);
                var title = CaseJournal.Limit(AssessmentTexts.Format("SiteInspectionPhotoJournalTitle", c.Rulebook.LanguageForm, photo.FileName));
                db.JournalEntries.Add(CaseJournal.Entry(c.Case.Id, JournalEntryKind.Note, [publicTitle, $"{year}/{year + 1}"], title, c.Form, today, c.Now, photo.Id));
            }
        }

        return (change, null);
    }
}
