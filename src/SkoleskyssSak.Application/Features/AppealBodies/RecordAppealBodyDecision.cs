using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Appeals;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>
/// The appeal body's decision on its open step (fvl. § 34): a final body upholds, reverses with a new outcome, quashes
/// (the municipality treats the case anew) or dismisses; an intermediate body of the municipality's chain forwards on to
/// the next body or reverses (fvl. § 33). The letter is uploaded or written.
/// </summary>
/// <param name="NewOutcome">For a final body's reversal: the outcome that now applies.</param>
/// <param name="DecidesBeforeCommentDeadline">The body confirms it decides while the guardians may still comment on the
/// forwarding letter (fvl. § 33 fourth paragraph, §§ 16–17): allowed only with <paramref name="EarlyDecisionReason"/>.</param>
public sealed record RecordAppealBodyDecisionCommand(
    Guid CaseId,
    string BodyCode,
    string StaffUserId,
    AppealBodyOutcome? Outcome,
    DecisionOutcome? NewOutcome,
    DateOnly? MeetingDate,
    string? Resolution,
    string? LetterText,
    UploadedFile? Letter,
    bool DecidesBeforeCommentDeadline = false,
    string? EarlyDecisionReason = null) : ICommand<CommandResult>;

/// <summary>What an appeal body may decide: the outcomes of a final or an intermediate body, and the new outcomes of a reversal.</summary>
public static class AppealBodyDecisionChoices
{
    /// <summary>A final body (the last of the chain) upholds, reverses, quashes or dismisses (fvl. § 34).</summary>
    public static IReadOnlyList<AppealBodyOutcome> OfFinalBody { get; } = [AppealBodyOutcome.Upheld, AppealBodyOutcome.Reversed, AppealBodyOutcome.Quashed, AppealBodyOutcome.Dismissed];

    /// <summary>An intermediate body (Melhus' utvalg, Rana's formannskap) forwards on or reverses (fvl. § 33).</summary>
    public static IReadOnlyList<AppealBodyOutcome> OfIntermediateBody { get; } = [AppealBodyOutcome.ForwardedOn, AppealBodyOutcome.Reversed];

    /// <summary>
    /// The outcomes a reversal may give: what the transport now is. Never AppealDismissed (a crafted POST could otherwise
    /// reverse without a decision ever being recorded), never a refusal or a referral to the county.
    /// </summary>
    public static IReadOnlyList<DecisionOutcome> NewOutcomes { get; } = [DecisionOutcome.GrantedYearRound, DecisionOutcome.GrantedWinter, DecisionOutcome.PartlyGranted];

    public static IReadOnlyList<AppealBodyOutcome> Outcomes(bool isFinalBody) => isFinalBody ? OfFinalBody : OfIntermediateBody;
}

/// <summary>
/// The input of a body's decision: a reversal names one of the permitted new outcomes; forwarding on carries the
/// committee's assessment for the next body. Which outcomes the body may choose depends on the chain: the handler checks it.
/// </summary>
public sealed class RecordAppealBodyDecisionValidator : AbstractValidator<RecordAppealBodyDecisionCommand>
{
    public RecordAppealBodyDecisionValidator()
    {
        RuleFor(c => c.NewOutcome)
            .Must(outcome => outcome is { } o && AppealBodyDecisionChoices.NewOutcomes.Contains(o))
            .When(c => c.Outcome == AppealBodyOutcome.Reversed)
            .WithMessage(_ => CaseTexts.Get("AppealBodyNewOutcomeRequired"));

        // The committee's assessment goes with the case to the next body (fvl. § 33 fourth paragraph).
        RuleFor(c => c.Resolution)
            .Must(resolution => !string.IsNullOrWhiteSpace(resolution))
            .When(c => c.Outcome == AppealBodyOutcome.ForwardedOn)
            .WithMessage(_ => CaseTexts.Get("AppealBodyAssessmentRequired"));
    }
}

public sealed class RecordAppealBodyDecisionHandler(
    IApplicationDbContext db,
    Rulebooks.RulebookProvider rulebooks,
    INotificationOutbox outbox,
    IServiceLinks links,
    IStaffDirectory staff,
    IAuditTrail audit,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    TimeProvider clock) : ICommandHandler<RecordAppealBodyDecisionCommand, CommandResult>
{
    /// <summary>The parent's time to comment on the next forwarding (fvl. § 33 fourth paragraph).</summary>
    public const int CommentDays = 14;

    /// <summary>The longest reason for deciding before the comment deadline (it goes into the case event's reason).</summary>
    public const int MaxEarlyDecisionReasonLength = 2000;

    public async ValueTask<CommandResult> Handle(RecordAppealBodyDecisionCommand command, CancellationToken cancellationToken)
    {
        var body = await db.AppealBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == command.BodyCode, cancellationToken);
        var @case = await AppealBodyAccess.CasesOf(db, command.BodyCode).Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken);
        if (body is null || @case is null)
        {
            return new Failure.NotFound();
        }

        var step = await db.AppealForwardings.Where(f => f.CaseId == command.CaseId && f.BodyCode == command.BodyCode && f.Outcome == null)
            .OrderByDescending(f => f.Step).FirstOrDefaultAsync(cancellationToken);
        if (step is null || @case.State != CaseState.ForwardedToAppealBody)
        {
            // The appellant withdrew the appeal while this body had it (issue 11): say so, not only that it is not open.
            var latest = await db.AppealForwardings.AsNoTracking().Where(f => f.CaseId == command.CaseId && f.BodyCode == command.BodyCode)
                .OrderByDescending(f => f.ForwardedAt).Select(f => new { f.Outcome, f.DecidedAt }).FirstOrDefaultAsync(cancellationToken);
            return latest is { Outcome: AppealBodyOutcome.Withdrawn, DecidedAt: { } withdrawnAt }
                ? new Failure.Refused(CaseTexts.FormatCurrent("AppealBodyAppealWithdrawn", NorwegianTime.Today(withdrawnAt).ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture)))
                : new Failure.Refused(CaseTexts.Get("AppealBodyNotOpen"));
        }

        var next = await AppealBodyAccess.NextBodyAsync(db, rulebooks, command.CaseId, command.BodyCode, cancellationToken);
        // Which outcomes this body may choose depends on its place in the case's chain: checked here, not by the validator.
        if (command.Outcome is not { } outcome || !AppealBodyDecisionChoices.Outcomes(isFinalBody: next is null).Contains(outcome))
        {
            return Failure.Invalid.Field(nameof(command.Outcome), CaseTexts.Get("AppealBodyOutcomeRequired"));
        }

        // A reversal, by the final body (fvl. § 34) or an intermediate one of the municipality's chain (fvl. § 33), says
        // what applies instead (one of AppealBodyDecisionChoices.NewOutcomes, the validator's check): it takes effect as a
        // decision of its own.
        var isReversal = outcome == AppealBodyOutcome.Reversed;
        var resolution = command.Resolution?.Trim();

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var language = municipality.LanguageForm;
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);

        // The guardians were promised until the comment deadline to answer the forwarding letter (fvl. § 33 fourth
        // paragraph): deciding before it has passed is a choice the body makes knowingly and explains.
        var earlyReason = command.EarlyDecisionReason?.Trim();
        var decidesEarly = today <= step.CommentDeadline;
        if (decidesEarly && (!command.DecidesBeforeCommentDeadline || string.IsNullOrEmpty(earlyReason)))
        {
            return Failure.Invalid.Field(nameof(command.EarlyDecisionReason), CaseTexts.FormatCurrent("AppealBodyEarlyDecisionRequired", step.CommentDeadline.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (decidesEarly && earlyReason!.Length > MaxEarlyDecisionReasonLength)
        {
            return Failure.Invalid.Field(nameof(command.EarlyDecisionReason), CaseTexts.FormatCurrent("AppealBodyEarlyDecisionReasonTooLong", MaxEarlyDecisionReasonLength));
        }
        var newOutcomeText = isReversal ? CaseTexts.Get("AppealNewOutcome_" + command.NewOutcome, language) : null;
        if (newOutcomeText is not null)
        {
            resolution = string.IsNullOrEmpty(resolution) ? newOutcomeText : $"{newOutcomeText}. {resolution}";
        }

        var outcomeText = CaseTexts.Get("AppealBodyOutcome_" + outcome, language) + (newOutcomeText is null ? string.Empty : " – " + newOutcomeText);
        var (letter, letterErrors) = await StoreLetterAsync(command, body, municipality, @case.CaseNumber!, form, today, outcomeText, resolution, now, cancellationToken);
        if (letterErrors is not null)
        {
            return new Failure.Invalid(letterErrors);
        }

        var refusal = step.Record(outcome, command.StaffUserId, AppealBodyAccess.IsCommittee(body), command.MeetingDate, resolution, letter!.Id, now);
        if (refusal is not null)
        {
            Discard(letter);
            return refusal == AppealStepRefusal.AlreadyDecided
                ? new Failure.Refused(CaseTexts.Get("AppealBodyNotOpen"))
                : Failure.Invalid.Field(refusal == AppealStepRefusal.ResolutionTooLong ? nameof(command.Resolution) : nameof(command.MeetingDate), CaseTexts.Get("AppealStep_" + refusal));
        }

        var (trigger, rulebookVersion) = outcome switch
        {
            AppealBodyOutcome.Upheld => (CaseTrigger.AppealBodyUpholds, null),
            AppealBodyOutcome.Quashed => (CaseTrigger.AppealBodyQuashes, null),
            AppealBodyOutcome.Dismissed => (CaseTrigger.AppealBodyDismisses, null),
            AppealBodyOutcome.ForwardedOn => (CaseTrigger.ForwardToAppealBody, null),
            _ when next is null => (CaseTrigger.AppealBodyReverses, null),
            _ => (CaseTrigger.ReverseDecision, (await AppealFiling.LatestIssuedAsync(db, command.CaseId, cancellationToken))?.RulebookVersion),
        };
        var reason = $"{body.Name}: {CaseTexts.Get("AppealBodyOutcome_" + outcome, language)}{(newOutcomeText is null ? string.Empty : " – " + newOutcomeText)}";
        if (decidesEarly)
        {
            reason += " – " + CaseTexts.Format("AppealBodyDecidedEarly", language, step.CommentDeadline.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture), earlyReason);
        }

        var moved = @case.Apply(trigger, new CaseActor(command.StaffUserId, CaseActorRole.AppealBody), now, reason, rulebookVersion);
        if (!moved.Succeeded)
        {
            Discard(letter);
            return new Failure.Refused(moved.Reason!);
        }

        if (isReversal)
        {
            // The new outcome takes effect in the case as a decision of its own: the case's decisions then say what
            // applies now, e.g. that the transport is granted, with the body's letter.
            var context = await Decisions.DecisionContext.LoadAsync(db, rulebooks, command.CaseId, @case.MunicipalityNumber, tracking: false, cancellationToken);
            var appealed = await AppealFiling.LatestIssuedAsync(db, command.CaseId, cancellationToken);
            var reversal = Decision.Draft(Guid.CreateVersion7(now), command.CaseId, DecisionKind.AppealBodyReversal, appealed!.RulebookVersion, command.StaffUserId, now);
            var (from, to) = context?.Rulebook is { } rulebook
                ? DecisionPeriod.Proposed(command.NewOutcome!.Value, context.Form.Child!.SchoolYearStart, rulebook.WinterPeriod, rulebook.DecisionValidity, today)
                : (today, null);
            if (reversal.Update(command.NewOutcome!.Value, from, to, resolution, now) is { } refused)
            {
                // Never recorded silently without its decision: nothing of this attempt is saved, the page says why.
                Discard(letter);
                return Decisions.DecisionRefusals.ToFailure(refused);
            }

            reversal.MarkIssued(command.StaffUserId, letter.Id, now, requiresSecondApproval: false);
            db.Decisions.Add(reversal);
        }

        if (outcome == AppealBodyOutcome.ForwardedOn)
        {
            var onward = AppealForwarding.Forward(Guid.CreateVersion7(now), command.CaseId, step.AppealId, next!, step.Step + 1, resolution!, today.AddDays(CommentDays), command.StaffUserId, now);
            onward.AttachLetter(letter.Id);
            db.AppealForwardings.Add(onward);
        }

        // From the municipality's archive the body's letter is incoming ("Klagevedtak frå …").
        var title = CaseJournal.Limit(CaseTexts.Format("AppealBodyJournalTitle", language, body.Name));
        db.JournalEntries.Add(CaseJournal.Entry(command.CaseId, JournalEntryKind.Incoming, [title], title, form, today, now, letter.Id));
        var subject = CaseTexts.Format("AppealDecidedSubject", language, @case.CaseNumber);
        var mail = CaseTexts.Format("AppealDecidedBody", language, body.Name, @case.CaseNumber, links.MyCase(command.CaseId));
        foreach (var recipient in form.GuardianEmails())
        {
            outbox.Enqueue(new Notification(recipient, subject, mail, "AppealDecided", command.CaseId));
        }

        // The municipality is told too (issue 6): the caseworker who has the case, or else every caseworker of the
        // municipality — a quash or a reversal is work for them.
        var caseworkers = await staff.CaseworkersOfAsync(@case.MunicipalityNumber, cancellationToken);
        var assigned = caseworkers.Where(c => c.Id == @case.AssignedTo).ToList();
        var staffSubject = CaseTexts.Format("AppealDecidedStaffSubject", language, @case.CaseNumber, body.Name);
        var staffMail = CaseTexts.Format("AppealDecidedStaffBody", language, body.Name, @case.CaseNumber, CaseTexts.Get("AppealBodyOutcome_" + outcome, language), resolution ?? string.Empty);
        foreach (var email in (assigned.Count > 0 ? assigned : caseworkers).Select(c => c.Email).Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            outbox.Enqueue(new Notification(email!, staffSubject, staffMail, "AppealDecidedMunicipality", command.CaseId));
        }

        audit.Record("AppealBodyDecision" + outcome, CaseAccess.AuditObjectType, command.CaseId.ToString());
        if (decidesEarly)
        {
            audit.Record("AppealBodyDecidedBeforeCommentDeadline", CaseAccess.AuditObjectType, command.CaseId.ToString());
        }

        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }

    /// <summary>
    /// The uploaded letter (AttachmentPolicy), or the written text printed as the body's letter (a tagged PDF in the
    /// municipality's language form, issue 11: never a text file handed to the parent).
    /// </summary>
    private async Task<(CaseDocument? Letter, IReadOnlyDictionary<string, string[]>? Errors)> StoreLetterAsync(
        RecordAppealBodyDecisionCommand command,
        Domain.Municipalities.AppealBody body,
        Domain.Municipalities.Municipality municipality,
        CaseNumber caseNumber,
        ApplicationForm form,
        DateOnly today,
        string outcomeText,
        string? resolution,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (command.Letter is not null)
        {
            var (document, uploadErrors) = CaseAttachments.TryStore(db, command.CaseId, CaseDocumentKind.AppealDecisionLetter, command.Letter, 0, command.StaffUserId, now, "Letter");
            return (document, uploadErrors);
        }

        var text = command.LetterText?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, new Dictionary<string, string[]> { ["LetterText"] = [CaseTexts.Get("AppealBodyLetterRequired")] });
        }

        var composed = AppealDocuments.ComposeBodyDecision(municipality, body, caseNumber, form, today, outcomeText, resolution, text);
        var fileName = CaseTexts.Get("AppealBodyLetterFileName", municipality.LanguageForm);
        var (produced, content) = await AppealDocuments.PrintAsync(letters, pdf, composed, command.CaseId, caseNumber, CaseDocumentKind.AppealDecisionLetter, fileName, confidential: false, command.StaffUserId, now, cancellationToken);
        db.Documents.Add(produced);
        db.DocumentContents.Add(content);
        return (produced, null);
    }

    /// <summary>Takes a stored letter out of the unit of work again when the decision is refused.</summary>
    private void Discard(CaseDocument letter)
    {
        db.Documents.Remove(letter);
        foreach (var content in db.DocumentContents.Local.Where(c => c.DocumentId == letter.Id).ToList())
        {
            db.DocumentContents.Remove(content);
        }
    }
}
