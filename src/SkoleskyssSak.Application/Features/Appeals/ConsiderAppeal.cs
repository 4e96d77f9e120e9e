using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// The municipality starts its review of the appeal as first instance (fvl. § 33). A late appeal is reviewed only when
/// the caseworker says why it is considered anyway (fvl. § 31); the reason is recorded on the appeal and the event.
/// </summary>
public sealed record ConsiderAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? LateReason) : ICommand<CommandResult>;

public sealed class ConsiderAppealHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock) : ICommandHandler<ConsiderAppealCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ConsiderAppealCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new Failure.NotFound();
        }

        var appeal = await AppealFiling.LatestAppealAsync(db, command.CaseId, tracking: true, cancellationToken);
        if (appeal is null || @case.State != CaseState.AppealReceived)
        {
            return new Failure.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        string? reason = null;
        if (appeal.IsLate)
        {
            // Whether a reason is needed depends on the appeal loaded: checked here, not by a validator.
            if (string.IsNullOrWhiteSpace(command.LateReason))
            {
                return Failure.Invalid.Field(nameof(command.LateReason), CaseTexts.Get("AppealLateReasonRequired"));
            }

            // fvl. § 31 third paragraph: more than one year after the decision was made, no appeal can be considered.
            var decisionMadeOn = await db.Decisions.Where(d => d.Id == appeal.DecisionId).Select(d => d.IssuedAt).SingleAsync(cancellationToken);
            if (decisionMadeOn is null || !appeal.MayBeConsideredAnyway(NorwegianTime.Today(decisionMadeOn.Value)))
            {
                return new Failure.Refused(CaseTexts.Get("AppealBeyondOneYearLimit"));
            }

            reason = "fvl. § 31: " + command.LateReason.Trim();
        }

        // The state machine first: a refused step must leave the appeal as it was.
        var moved = @case.Apply(CaseTrigger.StartFirstInstanceReview, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow(), reason);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        if (appeal.IsLate && !appeal.TryRecordLateHandling(LateAppealHandling.ConsideredAnyway, command.LateReason!))
        {
            // Handled already (considered or dismissed): nothing of this request is saved.
            return new Failure.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        audit.Record("AppealReviewStarted", CaseAccess.AuditObjectType, @case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }
}
