using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>
/// A state change a caseworker makes without more content: take the case (StartAssessment, fvl. § 17), or reopen a
/// decided case to change it (ReopenForChange, fvl. § 35; the reason is required by the state machine).
/// </summary>
public sealed record ChangeCaseStateCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, CaseTrigger Trigger, string? Reason) : ICommand<CommandResult>;

public sealed class ChangeCaseStateHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock) : ICommandHandler<ChangeCaseStateCommand, CommandResult>
{
    /// <summary>The triggers this command offers; the others have their own commands with their content.</summary>
    public static readonly IReadOnlySet<CaseTrigger> Offered = new HashSet<CaseTrigger> { CaseTrigger.StartAssessment, CaseTrigger.ReopenForChange };

    public async ValueTask<CommandResult> Handle(ChangeCaseStateCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events).Include(c => c.Assignments)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber && c.State != CaseState.Draft, cancellationToken);
        if (@case is null || !Offered.Contains(command.Trigger))
        {
            return new Failure.NotFound();
        }

        var moved = @case.Apply(command.Trigger, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow(), command.Reason);
        if (!moved.Succeeded)
        {
            return moved.ErrorType == CaseTransitionErrorType.BadRequest
                ? Failure.Invalid.Field(nameof(command.Reason), moved.Reason!)
                : new Failure.Refused(moved.Reason!);
        }

        // "Ta saken": the case is the caseworker's from now on (the work queue's "mine", no longer "Ikke fordelt").
        if (command.Trigger == CaseTrigger.StartAssessment && Guid.TryParse(command.StaffUserId, out var caseworker))
        {
            var assigned = @case.AssignTo(caseworker, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow());
            if (!assigned.Succeeded)
            {
                return new Failure.Refused(assigned.Reason!);
            }

            if (assigned.Assignment is not null)
            {
                audit.Record("CaseAssigned", CaseAccess.AuditObjectType, @case.Id.ToString());
            }
        }

        audit.Record("Case" + command.Trigger, CaseAccess.AuditObjectType, @case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }
}
