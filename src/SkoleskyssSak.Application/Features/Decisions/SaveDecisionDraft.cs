using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Referrals;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// Saves the decision draft (creating it on first save): outcome, period and grounds. <paramref name="LoadedRevision"/>
/// is the draft's <see cref="Decision.UpdatedAt"/> when the form was loaded (null: there was no draft); if a colleague
/// saved in between, the save is a conflict and the page keeps what this caseworker typed.
/// </summary>
/// <param name="AssessmentDeparture">Why the outcome departs from the assessment's conclusion; required when it does.</param>
public sealed record SaveDecisionDraftCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Grounds, DateTimeOffset? LoadedRevision = null, string? AssessmentDeparture = null)
    : ICommand<CommandResult>;

public sealed class SaveDecisionDraftValidator : AbstractValidator<SaveDecisionDraftCommand>
{
    public SaveDecisionDraftValidator()
    {
        // A referral to the county is no outcome of a decision (issue 11): the caseworker refers a home with a confirmed
        // distance beyond the limit from the case's distance page (opplæringslova § 4-1 first paragraph).
        RuleFor(c => c.Outcome).NotEqual(DecisionOutcome.ReferredToCounty).WithMessage(_ => ReferralTexts.Get("DecisionReferralNotAnOutcome"));
    }
}

public sealed class SaveDecisionDraftHandler(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock) : ICommandHandler<SaveDecisionDraftCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(SaveDecisionDraftCommand command, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        if (DecisionFlow.Unready(context) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var decision = context.Draft;
        if (decision?.UpdatedAt != command.LoadedRevision)
        {
            return new Failure.Conflict(CaseTexts.Get("DecisionChangedMeanwhile"));
        }

        // The decision rests on the assessment: recorded in full, the outcome agreeing with its conclusion or departing
        // in writing, and grounds left as proposed recomposed for the outcome chosen.
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        var grounds = command.Grounds;
        if (Enum.IsDefined(command.Outcome) && DecisionOutcomes.IsOnTheApplication(command.Outcome) && DecisionLetters.IsUnedited(grounds, assessment.AllProposedGrounds(context)))
        {
            grounds = assessment.ProposedGrounds(context, command.Outcome);
        }

        if (Enum.IsDefined(command.Outcome) && DecisionOutcomes.IsOnTheApplication(command.Outcome) && assessment.Check(command.Outcome, grounds, command.AssessmentDeparture, context) is { } unfounded)
        {
            return unfounded;
        }

        if (decision is null)
        {
            var kind = context.Case.State == CaseState.FirstInstanceReview ? DecisionKind.Reversal
                : await db.Decisions.AnyAsync(d => d.CaseId == command.CaseId && d.Status == DecisionStatus.Issued, cancellationToken) ? DecisionKind.Change
                : DecisionKind.Initial;
            decision = Decision.Draft(Guid.CreateVersion7(now), command.CaseId, kind, context.Rulebook!.VersionLabel, command.StaffUserId, now);
            db.Decisions.Add(decision);
        }

        var (from, to) = (command.PeriodFrom, command.PeriodTo);
        if (from is null && to is null)
        {
            // Left empty: the school year or the rulebook's winter period (the form says so).
            (from, to) = DecisionPeriod.Proposed(command.Outcome, context.Form.Child!.SchoolYearStart, context.Rulebook!.WinterPeriod, context.Rulebook.DecisionValidity, NorwegianTime.Today(now));
        }

        if ((decision.Update(command.Outcome, from, to, grounds, now) ?? decision.RecordEdit(command.StaffUserId, command.AssessmentDeparture, now)) is { } refusal)
        {
            return DecisionRefusals.ToFailure(refusal);
        }

        audit.Record("DecisionDraftSaved", CaseAccess.AuditObjectType, command.CaseId.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }
        catch (DbUpdateException)
        {
            // A colleague saved or created the draft meanwhile (xmin, or the one-draft-per-case index).
            return new Failure.Conflict(CaseTexts.Get("Conflict"));
        }
    }
}
