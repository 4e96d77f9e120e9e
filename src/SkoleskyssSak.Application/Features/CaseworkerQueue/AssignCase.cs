using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.CaseworkerQueue;

/// <summary>A caseworker takes a case or gives it to a colleague of the same municipality (issue 5).</summary>
/// <remarks>
/// Fails with NotFound for a case not in the caseworker's municipality (not even acknowledged) or an empty id,
/// Invalid on <c>Assignee</c> when the assignee is no caseworker of the municipality, Refused (the domain's reason) when
/// the case is closed or withdrawn, and Conflict when someone else changed the case at the same moment.
/// </remarks>
public sealed record AssignCaseCommand(CaseworkerScope Scope, Guid CaseId, Guid Assignee) : ICommand<CommandResult<CaseAssigned>>;

/// <summary>The case is the assignee's now (or already was: <paramref name="Changed"/> false, nothing changed, nothing recorded).</summary>
public sealed record CaseAssigned(CaseNumber CaseNumber, StaffMember Assignee, bool Changed);

public sealed class AssignCaseHandler(IApplicationDbContext db, IStaffDirectory staff, IAuditTrail audit, TimeProvider clock) : ICommandHandler<AssignCaseCommand, CommandResult<CaseAssigned>>
{
    public async ValueTask<CommandResult<CaseAssigned>> Handle(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        // An empty id names no case and no caseworker: not found, as before any input check could say more.
        if (command.CaseId == Guid.Empty || command.Assignee == Guid.Empty)
        {
            return new Failure.NotFound();
        }

        var municipality = command.Scope.MunicipalityNumber;
        var caseworkers = await staff.CaseworkersOfAsync(municipality, cancellationToken);
        // The one assigning must (still) be a caseworker of the municipality, whatever the sign-in cookie says.
        if (caseworkers.All(c => c.Id != command.Scope.StaffUserId))
        {
            return new Failure.NotFound();
        }

        var @case = await db.Cases.Include(c => c.Assignments)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == municipality && c.State != CaseState.Draft, cancellationToken);
        if (@case is null)
        {
            return new Failure.NotFound();
        }

        var assignee = caseworkers.FirstOrDefault(c => c.Id == command.Assignee);
        if (assignee is null)
        {
            return Failure.Invalid.Field(nameof(command.Assignee), CaseTexts.Get("QueueNotAColleague"));
        }

        var actor = new CaseActor(command.Scope.StaffUserId.ToString(), CaseActorRole.Caseworker);
        var result = @case.AssignTo(assignee.Id, actor, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return new Failure.Refused(result.Reason!);
        }

        if (result.Assignment is null)
        {
            return new CaseAssigned(@case.CaseNumber!, assignee, Changed: false);
        }

        audit.Record("CaseAssigned", CaseAccess.AuditObjectType, @case.Id.ToString());
        // xmin: another caseworker assigned or moved the case since it was read.
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return new CaseAssigned(@case.CaseNumber!, assignee, Changed: true);
    }
}
