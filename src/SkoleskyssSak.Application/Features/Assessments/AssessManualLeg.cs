using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// The caseworker's concrete assessment of a leg no row of the matrix covers (issue 11; opplæringslova § 4-1 andre ledd,
/// fvl. § 17): the verdict, the reasons the decision quotes (fvl. § 25), and optionally the site inspection it rests on
/// (all three of date, who and findings, or none). Recorded in the case assessment (revisioned), audited and journaled as
/// a note; changeable until the decision is issued.
/// </summary>
/// <param name="LegNumber">The leg (1-based) in the assessment's list.</param>
/// <param name="Outcome">YearRound, Winter or None (ManualLegAssessment.Verdicts).</param>
public sealed record AssessManualLegCommand(
    Guid CaseId,
    string MunicipalityNumber,
    string StaffUserId,
    int ExpectedRevision,
    int LegNumber,
    TransportOutcome? Outcome,
    string? Reasons,
    DateOnly? InspectionDate = null,
    string? InspectedBy = null,
    string? Findings = null) : IAssessmentCommand, ICommand<CommandResult>
{
    /// <summary>Any of the inspection's fields filled: the assessment rests on a site inspection, whose fields are then all required.</summary>
    public bool WithInspection => InspectionDate is not null || !string.IsNullOrWhiteSpace(InspectedBy) || !string.IsNullOrWhiteSpace(Findings);
}

public sealed class AssessManualLegHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<AssessManualLegCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(AssessManualLegCommand command, CancellationToken cancellationToken) =>
        await AssessmentChanges.ChangeAsync(db, rulebooks, audit, clock, command, "ManualLegAssessed", c => Assess(command, c), cancellationToken);

    private AssessmentChange Assess(AssessManualLegCommand command, AssessmentChanges.Context c)
    {
        var inspection = command.WithInspection
            ? new SiteInspection(command.InspectionDate ?? default, command.InspectedBy?.Trim() ?? string.Empty, command.Findings?.Trim() ?? string.Empty, command.LegNumber, [], command.StaffUserId, c.Now)
            : null;
        var change = c.Assessment.AssessLegManually(c.Case.State, c.Rulebook, command.LegNumber, command.Outcome, command.Reasons, inspection, command.StaffUserId, c.Now);
        if (change.Succeeded)
        {
            // The journal notes that the leg was assessed (the reasons are in the assessment, which the decision quotes).
            var year = c.Child.SchoolYearStart;
            var language = c.Rulebook.LanguageForm;
            var publicTitle = AssessmentTexts.Format("ManualLegPublicTitle", language, year, year + 1);
            var title = CaseJournal.Limit(AssessmentTexts.Format("ManualLegJournalTitle", language, command.LegNumber));
            db.JournalEntries.Add(CaseJournal.Entry(c.Case.Id, JournalEntryKind.Note, [publicTitle, $"{year}/{year + 1}"], title, c.Form, NorwegianTime.Today(c.Now), c.Now));
        }

        return change;
    }
}
