using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.CaseworkerQueue;

/// <summary>A caseworker takes a case or gives it to a colleague of the same municipality (issue 5).</summary>
public sealed record AssignCaseCommand(CaseworkerScope Scope, Guid CaseId, Guid Assignee);

public abstract record AssignCaseResult
{
    private AssignCaseResult()
    {
    }

    /// <summary>The case is the assignee's now (or already was: nothing changed, nothing recorded).</summary>
    public sealed record Assigned(CaseNumber CaseNumber, StaffMember Assignee, bool Changed) : AssignCaseResult;

    /// <summary>No such case in the caseworker's municipality (another municipality's case is not even acknowledged).</summary>
    public sealed record NotFound : AssignCaseResult;

    /// <summary>The assignee is not a caseworker of the case's municipality.</summary>
    public sealed record NotAColleague : AssignCaseResult;

    /// <summary>The case is closed or withdrawn; the domain's reason ("Nynorsk / Bokmål").</summary>
    public sealed record NotOpen(string Reason) : AssignCaseResult;

    /// <summary>Someone else changed the case at the same moment; nothing was saved.</summary>
    public sealed record Conflict : AssignCaseResult;
}

public sealed class AssignCaseValidator : AbstractValidator<AssignCaseCommand>
{
    public AssignCaseValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.Assignee).NotEmpty();
    }
}

public sealed class AssignCaseHandler(IApplicationDbContext db, IStaffDirectory staff, IAuditTrail audit, IValidator<AssignCaseCommand> validator, TimeProvider clock)
{
    public const string AuditObjectType = "Case";

    public async Task<AssignCaseResult> HandleAsync(AssignCaseCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!(await validator.ValidateAsync(command, cancellationToken)).IsValid)
        {
            return new AssignCaseResult.NotFound();
        }

        var municipality = command.Scope.MunicipalityNumber;
        var caseworkers = await staff.CaseworkersOfAsync(municipality, cancellationToken);
        // The one assigning must (still) be a caseworker of the municipality, whatever the sign-in cookie says.
        if (caseworkers.All(c => c.Id != command.Scope.StaffUserId))
        {
            return new AssignCaseResult.NotFound();
        }

        var @case = await db.Cases.Include(c => c.Assignments)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == municipality && c.State != CaseState.Draft, cancellationToken);
        if (@case is null)
        {
            return new AssignCaseResult.NotFound();
        }

        var assignee = caseworkers.FirstOrDefault(c => c.Id == command.Assignee);
        if (assignee is null)
        {
            return new AssignCaseResult.NotAColleague();
        }

        var actor = new CaseActor(command.Scope.StaffUserId.ToString(), CaseActorRole.Caseworker);
        var result = @case.AssignTo(assignee.Id, actor, clock.GetUtcNow());
        if (!result.Succeeded)
        {
            return new AssignCaseResult.NotOpen(result.Reason!);
        }

        if (result.Assignment is null)
        {
            return new AssignCaseResult.Assigned(@case.CaseNumber!, assignee, Changed: false);
        }

        audit.Record("CaseAssigned", AuditObjectType, @case.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // xmin: another caseworker assigned or moved the case since it was read.
            return new AssignCaseResult.Conflict();
        }

        return new AssignCaseResult.Assigned(@case.CaseNumber!, assignee, Changed: true);
    }
}
