using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.InterimReplies;

/// <summary>
/// Sends the interim reply of a case that is one month old without a decision (fvl. § 11 a third paragraph): the
/// letter printed to a tagged PDF and stored, journaled as outgoing, every guardian notified through the outbox, the
/// case marked so that it is sent once, and the sending audited — in the caller's unit of work. Run by the interim
/// reply job, which holds the case row locked while this runs; a case that is not due is refused, changing nothing.
/// </summary>
public sealed record SendInterimReplyCommand(Guid CaseId) : ICommand<CommandResult>
{
    /// <summary>Who sends it: the system, named in the document, the journal and the audit trail.</summary>
    public const string SystemActorId = "interim-reply-job";
}

public sealed class SendInterimReplyHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<SendInterimReplyCommand, CommandResult>
{
    private const string SystemActorId = SendInterimReplyCommand.SystemActorId;

    public async ValueTask<CommandResult> Handle(SendInterimReplyCommand command, CancellationToken cancellationToken)
    {
        var municipality = await db.Cases.Where(c => c.Id == command.CaseId).Select(c => c.MunicipalityNumber).SingleOrDefaultAsync(cancellationToken);
        var context = municipality is null ? null : await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, municipality, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        if (!context.Case.RecordInterimReply(now))
        {
            return new Failure.Refused(CaseTexts.Get("InterimReplyNotDue", context.Language));
        }

        var expected = InterimReply.ExpectedAnswer(context.ReceivedOn, context.Municipality.ExpectedProcessingWeeks, today);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, InterimReplyLetters.Compose(context, expected, today), cancellationToken);
        var language = context.Language;
        var year = context.Form.Child!.SchoolYearStart;
        var title = CaseTexts.Format("InterimReplyJournalTitle", language, year, year + 1);
        var mail = (
            CaseTexts.Format("InterimReplyMailSubject", language, context.Case.CaseNumber),
            CaseTexts.Format("InterimReplyMailBody", language, context.MunicipalityName, context.Case.CaseNumber, context.Date(expected), links.MyCase(context.Case.Id)),
            "InterimReply");
        var letter = CaseLetterSending.Publish(db, outbox, context, bytes, InterimReplyLetters.FileName(context), title, mail, SystemActorId, now, CaseDocumentKind.InterimReplyLetter);

        audit.RecordSystem(SystemActorId, "InterimReplySent", CaseAccess.AuditObjectType, $"{context.Case.Id}:{letter.Id}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(CaseTexts.Get("Conflict", language));
        }
    }
}
