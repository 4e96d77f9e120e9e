using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>
/// Departs from the matrix's result, only with a written justification (fvl. § 25: the decision names the main
/// considerations of the discretion); the justification is quoted in the grounds.
/// </summary>
public sealed record DepartFromMatrixCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int ExpectedRevision, TransportOutcome? Outcome, string? Justification) : IAssessmentCommand, ICommand<CommandResult>;

public sealed class DepartFromMatrixHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<DepartFromMatrixCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(DepartFromMatrixCommand command, CancellationToken cancellationToken) =>
        await AssessmentChanges.ChangeAsync(db, rulebooks, audit, clock, command, "MatrixDeparted", c => c.Assessment.DepartFromMatrix(c.Case.State, command.Outcome, command.Justification, command.StaffUserId, c.Now), cancellationToken);
}
