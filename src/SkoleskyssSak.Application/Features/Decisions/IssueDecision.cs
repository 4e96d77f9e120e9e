using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// Issues the draft as an enkeltvedtak: the letter printed to a tagged PDF and stored, journaled as outgoing, the case
/// Decided (or the decision reversed, <see cref="DecisionFlow"/>) with the rulebook version applied, every guardian
/// notified through the outbox, and the issue audited ("DecisionIssued") — in one transaction.
/// <para>
/// Who may issue it: a caseworker of the case's municipality (another municipality's case is not found), the case in
/// assessment or first-instance review with a rulebook in force, the assessment complete with no leg left unassessed,
/// and the grounds complete. Four-eyes: when the municipality requires a second approval
/// (<c>Municipality.DecisionRequiresSecondApproval</c>), nobody who drafted or changed the draft may issue it
/// (<c>Decision.CanIssue</c> refuses them); a colleague who has not edited it approves and issues it.
/// </para>
/// </summary>
/// <param name="Confirmed">The caseworker ticked that they confirm the outcome shown in words.</param>
/// <param name="ConfirmedOutcome">The outcome the caseworker saw in words and confirmed; another one stored means a colleague changed the draft meanwhile.</param>
public sealed record IssueDecisionCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, bool Confirmed, DecisionOutcome? ConfirmedOutcome = null)
    : ICommand<CommandResult>;

public sealed class IssueDecisionValidator : AbstractValidator<IssueDecisionCommand>
{
    public IssueDecisionValidator()
    {
        RuleFor(c => c.Confirmed).Equal(true).WithMessage(_ => CaseTexts.Get("DecisionConfirmMissing"));
    }
}

public sealed class IssueDecisionHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<IssueDecisionCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(IssueDecisionCommand command, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        if (DecisionFlow.Unready(context) is { } unready)
        {
            return unready;
        }

        if (context.Draft is not { } decision)
        {
            return new Failure.Refused(CaseTexts.Get("DecisionGroundsMissing"));
        }

        // Four-eyes: under a second approval, whoever drafted or changed the draft may not issue it.
        var requiresSecond = context.Municipality.DecisionRequiresSecondApproval;
        if (decision.CanIssue(command.StaffUserId, requiresSecond) is { } refusal)
        {
            return DecisionRefusals.ToFailure(refusal);
        }

        if (decision.Grounds.Contains(DecisionLetters.ToCompleteMarker, StringComparison.Ordinal))
        {
            return Failure.Invalid.Field(nameof(SaveDecisionDraftCommand.Grounds), CaseTexts.Get("DecisionGroundsIncomplete"));
        }

        if (command.ConfirmedOutcome is { } confirmed && confirmed != decision.Outcome)
        {
            return new Failure.Conflict(CaseTexts.Get("DecisionChangedMeanwhile"));
        }

        // Checked again on issue: the assessment may have changed since the draft was saved.
        var assessment = await DecisionAssessment.LoadAsync(db, context, cancellationToken);
        if ((assessment.Check(decision.Outcome, decision.Grounds, decision.AssessmentDeparture, context) ?? assessment.CheckManualLegs()) is { } unfounded)
        {
            return unfounded;
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, DecisionLetters.Compose(context, decision, today), cancellationToken);

        var moved = context.Case.Apply(DecisionFlow.Trigger(context.Case.State), new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, decision.Outcome.ToString(), decision.RulebookVersion);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        var language = context.Language;
        var year = context.Form.Child!.SchoolYearStart;
        var mail = (CaseTexts.Format("DecisionMailSubject", language, context.Case.CaseNumber), CaseTexts.Format("DecisionMailBody", language, context.MunicipalityName, context.Case.CaseNumber, links.MyCase(context.Case.Id)), "DecisionIssued");
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, DecisionLetters.FileName(context), CaseTexts.Format("DecisionJournalTitle", language, year, year + 1), mail, command.StaffUserId, now);
        decision.MarkIssued(command.StaffUserId, letter.Id, now, requiresSecond);

        audit.Record("DecisionIssued", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }
}
