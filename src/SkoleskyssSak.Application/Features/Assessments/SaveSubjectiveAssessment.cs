using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// The subjective assessment (Sunnfjord kap. 3.2, Melhus kap. 5): a note per factor, and whether the child's individual
/// circumstances change the objective result; when they do, the conclusion text and the resulting outcome.
/// </summary>
/// <param name="Notes">A note per factor; blank notes are left out.</param>
public sealed record SaveSubjectiveAssessmentCommand(
    Guid CaseId,
    string MunicipalityNumber,
    string StaffUserId,
    int ExpectedRevision,
    IReadOnlyDictionary<SubjectiveFactor, string?> Notes,
    bool? ChangesResult,
    string? Conclusion,
    TransportOutcome? ResultingOutcome) : IAssessmentCommand, ICommand<CommandResult>;

public sealed class SaveSubjectiveAssessmentHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<SaveSubjectiveAssessmentCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(SaveSubjectiveAssessmentCommand command, CancellationToken cancellationToken) =>
        await AssessmentChanges.ChangeAsync(db, rulebooks, audit, clock, command, "SubjectiveAssessmentSaved", c => c.Assessment.SaveSubjective(c.Case.State, command.Notes, command.ChangesResult, command.Conclusion, command.ResultingOutcome, command.StaffUserId, c.Now), cancellationToken);
}
