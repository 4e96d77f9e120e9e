using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>
/// The first instance upholds its decision and forwards the appeal to the first body of the municipality's chain (fvl.
/// § 33 fourth paragraph): a forwarding letter (oversendelsesbrev) to the body with the municipality's assessment of the
/// appeal, a copy to the guardians, who may comment by <paramref name="CommentDeadline"/>; the case is then the body's.
/// </summary>
public sealed record ForwardAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? Assessment, DateOnly CommentDeadline) : ICommand<CommandResult>;

/// <summary>The municipality's assessment is written, and the guardians get a comment deadline after today and within <see cref="MaxCommentDays"/> days.</summary>
public sealed class ForwardAppealValidator : AbstractValidator<ForwardAppealCommand>
{
    /// <summary>The longest comment deadline the form accepts.</summary>
    public const int MaxCommentDays = 60;

    public ForwardAppealValidator(TimeProvider clock)
    {
        RuleFor(c => c.Assessment)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(_ => CaseTexts.Get("ForwardingAssessmentRequired"))
            .Must(text => (text?.Trim().Length ?? 0) <= AppealForwarding.MaxTextLength).WithMessage(_ => CaseTexts.Get("AppealTextTooLong"));
        RuleFor(c => c.CommentDeadline)
            .Must(deadline =>
            {
                var today = NorwegianTime.Today(clock.GetUtcNow());
                return deadline > today && deadline <= today.AddDays(MaxCommentDays);
            })
            .WithMessage(_ => CaseTexts.Get("ForwardingDeadlineInvalid"));
    }
}

public sealed class ForwardAppealHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<ForwardAppealCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ForwardAppealCommand command, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        var appeal = await AppealFiling.LatestAppealAsync(db, command.CaseId, tracking: false, cancellationToken);
        var decision = await AppealFiling.LatestIssuedAsync(db, command.CaseId, cancellationToken);
        if (appeal is null || decision is null || context.Case.State != CaseState.FirstInstanceReview)
        {
            return new Failure.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        if (context.AppealChain.Count == 0)
        {
            return new Failure.Refused(CaseTexts.Get("ForwardingNoBody"));
        }

        var assessment = command.Assessment!.Trim();
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);

        var body = context.AppealChain[0];
        var moved = context.Case.Apply(CaseTrigger.ForwardToAppealBody, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, body.Code);
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        var forwarding = AppealForwarding.Forward(Guid.CreateVersion7(now), context.Case.Id, appeal.Id, body.Code, step: 1, assessment, command.CommentDeadline, command.StaffUserId, now);
        var next = context.AppealChain.Count > 1 ? context.AppealChain[1] : null;
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, Compose(context, appeal, decision.IssuedAt!.Value, body, next, forwarding, today), cancellationToken);
        var language = context.Language;
        var year = context.Form.Child!.SchoolYearStart;
        var title = CaseTexts.Format("ForwardingJournalTitle", language, year, year + 1);
        var deadline = command.CommentDeadline.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var mail = (
            CaseTexts.Format("ForwardingMailSubject", language, context.Case.CaseNumber),
            CaseTexts.Format("ForwardingMailBody", language, context.MunicipalityName, context.Case.CaseNumber, body.Name, deadline, links.MyCase(context.Case.Id)),
            "AppealForwarded");
        var fileName = $"oversending-{context.Case.CaseNumber!.Year}-{context.Case.CaseNumber.Sequence:00000}.pdf";
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, fileName, title, mail, command.StaffUserId, now, CaseDocumentKind.ForwardingLetter);
        forwarding.AttachLetter(letter.Id);
        db.AppealForwardings.Add(forwarding);

        audit.Record("AppealForwarded", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        return await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }

    /// <param name="next">The body after <paramref name="body"/> in the chain when <paramref name="body"/> is intermediate
    /// (Melhus' utvalg, Rana's formannskap): it "behandler" the appeal, and the case goes on to <paramref name="next"/> if
    /// it upholds the decision.</param>
    private static Letter Compose(DecisionContext context, Appeal appeal, DateTimeOffset decidedAt, Domain.Municipalities.AppealBody body, Domain.Municipalities.AppealBody? next, AppealForwarding forwarding, DateOnly today)
    {
        var language = context.Language;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        var guardians = string.Join(", ", context.Form.Guardians.Select(g => g.Name));
        var intro = next is null
            ? T("ForwardingIntro", guardians, context.Date(appeal.ReceivedOn), context.Date(NorwegianTime.Today(decidedAt)), context.Form.Child!.FirstName(), body.Name)
            : T("ForwardingIntroIntermediate", guardians, context.Date(appeal.ReceivedOn), context.Date(NorwegianTime.Today(decidedAt)), context.Form.Child!.FirstName(), body.Name, next.Name);

        // Whether the appeal came in time (fvl. §§ 29–30), or why a late one is considered all the same (fvl. § 31).
        var timeliness = !appeal.IsLate
            ? T("ForwardingInTime", context.Date(appeal.ReceivedOn), context.Date(appeal.Deadline))
            : T("ForwardingLateConsidered", context.Date(appeal.ReceivedOn), context.Date(appeal.Deadline), appeal.LateHandlingReason ?? string.Empty);
        var sections = new List<LetterSection>
        {
            new(T("ForwardingIntroHeading"), [intro, timeliness]),
            new(T("ForwardingAssessmentHeading"), DecisionLetters.Paragraphs(forwarding.Assessment)),
            new(T("ForwardingCommentsHeading"), [T("ForwardingComments", context.Date(forwarding.CommentDeadline))]),
            new(T("ForwardingDocumentsHeading"), [T("ForwardingDocuments"), T("ForwardingCopy", guardians)]),
        };
        var recipient = new LetterRecipient(body.Name, body.PostalAddress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList());
        return CaseLetterFrame.Compose(context, today, T("ForwardingTitle"), sections, [recipient]);
    }
}

