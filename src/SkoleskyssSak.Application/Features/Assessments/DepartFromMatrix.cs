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
public sealed record DepartFromMatrixCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int ExpectedRevision, TransportOutcome? Outcome, string? Justification);

public sealed class DepartFromMatrixHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
{
    public Task<ApplicationResult> HandleAsync(DepartFromMatrixCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return AssessmentCommands.ChangeAsync(
            db,
            rulebooks,
            audit,
            clock,
            new AssessmentCommands.Target(command.CaseId, command.MunicipalityNumber, command.StaffUserId, command.ExpectedRevision),
            "MatrixDeparted",
            c => Task.FromResult<(AssessmentChange, IReadOnlyDictionary<string, string[]>?)>((
                c.Assessment.DepartFromMatrix(c.Case.State, command.Outcome, command.Justification, command.StaffUserId, c.Now),
                null)),
            cancellationToken);
    }
}
