using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// Runs the matrix of the rulebook version in force on the date of application over the søknad's legs and
/// pre-assessed segments (the first time), or over the legs as corrected so far (again).
/// </summary>
/// <param name="MunicipalityNumber">The caseworker's municipality (from the sign-in); another municipality's case is not found.</param>
/// <param name="ExpectedRevision">The assessment's revision the caseworker saw (0 before any).</param>
public sealed record RunObjectiveAssessmentCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int ExpectedRevision) : IAssessmentCommand, ICommand<CommandResult>;

public sealed class RunObjectiveAssessmentHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<RunObjectiveAssessmentCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(RunObjectiveAssessmentCommand command, CancellationToken cancellationToken) =>
        await AssessmentChanges.ChangeAsync(db, rulebooks, audit, clock, command, "ObjectiveAssessmentRun", c => c.Assessment.RunObjective(c.Case.State, c.Rulebook, c.Form.Route, c.Child.Grade, c.Form.MaxWalkingDistanceKm(), c.ApplicationDate, command.StaffUserId, c.Now), cancellationToken);
}
