using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// The municipality dismisses the case's latest appeal because it came after the deadline and is not considered
/// (fvl. § 31). The dismissal is itself an enkeltvedtak (fvl. § 2 third paragraph): <paramref name="Reason"/> (why the
/// appeal is late and not considered) is its grounds, it has its own letter with the notice of fvl. § 27, and it can
/// be appealed in its turn.
/// </summary>
public sealed record DismissLateAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? Reason) : ICommand<CommandResult>;

/// <summary>The reason is written, short enough to go on the case event.</summary>
public sealed class DismissLateAppealValidator : AbstractValidator<DismissLateAppealCommand>
{
    public DismissLateAppealValidator()
    {
        RuleFor(c => c.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason)).WithMessage(_ => CaseTexts.Get("LateAppealDismissalReasonRequired"))
            .Must(reason => (reason?.Trim().Length ?? 0) <= DismissLateAppealHandler.MaxReasonLength).WithMessage(_ => CaseTexts.Get("LateAppealDismissalReasonTooLong"));
    }
}

/// <summary>
/// Dismisses a late appeal not yet handled, while the case is AppealReceived or FirstInstanceReview: the appeal records
/// the dismissal, a decision of kind LateAppealDismissal is issued with its letter (printed, stored, journaled outgoing,
/// the guardians notified), the case goes back to Decided with the reason and the rulebook version of the decision
/// appealed against, and it is audited — in one unit of work. The new decision is the latest issued one, so the
/// deadline for appealing it runs from today.
/// </summary>
public sealed class DismissLateAppealHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<DismissLateAppealCommand, CommandResult>
{
    private const string ReasonPrefix = "fvl. § 31: ";

    /// <summary>The reason goes on the case event after <see cref="ReasonPrefix"/>.</summary>
    public static readonly int MaxReasonLength = SchoolTransportCase.MaxReasonLength - ReasonPrefix.Length;

    public async ValueTask<CommandResult> Handle(DismissLateAppealCommand command, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        var appeal = await AppealFiling.LatestAppealAsync(db, command.CaseId, tracking: true, cancellationToken);
        if (appeal is not { IsLate: true, LateHandling: null } || context.Case.State is not (CaseState.AppealReceived or CaseState.FirstInstanceReview))
        {
            return new Failure.Refused(CaseTexts.Get("LateAppealDismissalNotPossible"));
        }

        var reason = command.Reason!.Trim();

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        var appealed = await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == appeal.DecisionId, cancellationToken);
        var dismissal = Decision.LateAppealDismissal(Guid.CreateVersion7(now), context.Case.Id, appealed.RulebookVersion, reason, command.StaffUserId, now);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, Letter(context, appeal, appealed, dismissal, today), cancellationToken);

        // Nothing is changed before the case accepts the transition (a refused save must leave no trace).
        var moved = context.Case.Apply(CaseTrigger.DismissLateAppeal, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, ReasonPrefix + reason, appealed.RulebookVersion);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        if (!appeal.TryRecordLateHandling(LateAppealHandling.Dismissed, reason))
        {
            return new Failure.Refused(CaseTexts.Get("LateAppealDismissalNotPossible"));
        }

        var language = context.Language;
        var caseNumber = context.Case.CaseNumber!;
        var year = context.Form.Child!.SchoolYearStart;
        var mail = (CaseTexts.Format("LateAppealDismissedMailSubject", language, caseNumber), CaseTexts.Format("LateAppealDismissedMailBody", language, context.MunicipalityName, caseNumber, links.MyCase(context.Case.Id)), "LateAppealDismissed");
        var fileName = $"avvisning-klage-{caseNumber.Year}-{caseNumber.Sequence:00000}.pdf";
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, fileName, CaseTexts.Format("LateAppealDismissalJournalTitle", language, year, year + 1), mail, command.StaffUserId, now);

        // Decided and issued in one step by the caseworker: four-eyes (a draft another issues) is for decisions on the søknad.
        dismissal.MarkIssued(command.StaffUserId, letter.Id, now, requiresSecondApproval: false);
        db.Decisions.Add(dismissal);
        audit.Record("LateAppealDismissed", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }

    /// <summary>
    /// The dismissal's letter (fvl. §§ 24–27): that the appeal of its date against the decision of its date is dismissed
    /// as late (fvl. §§ 29 and 31), the reason as grounds, and the same notice as every decision letter.
    /// </summary>
    internal static Letter Letter(DecisionContext context, Appeal appeal, Decision appealed, Decision dismissal, DateOnly date)
    {
        var language = context.Language;
        var decided = NorwegianTime.Today(appealed.IssuedAt ?? appealed.DraftedAt);
        var text = CaseTexts.Format("LateAppealDismissedText", language, context.Date(appeal.ReceivedOn), context.Date(decided), context.Date(appeal.Deadline));
        return DecisionLetters.ComposeDecision(context, date, CaseTexts.Get("DecisionTitle_" + dismissal.Kind, language), [text], DecisionLetters.Paragraphs(dismissal.Grounds));
    }
}
