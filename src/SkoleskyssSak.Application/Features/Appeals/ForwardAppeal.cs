using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
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
public sealed record ForwardAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, string? Assessment, DateOnly CommentDeadline);

public sealed class ForwardAppealHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The longest comment deadline the form accepts.</summary>
    public const int MaxCommentDays = 60;

    public async Task<ApplicationResult> HandleAsync(ForwardAppealCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new ApplicationResult.NotFound();
        }

        var appeal = await db.Appeals.AsNoTracking().Where(a => a.CaseId == command.CaseId).OrderByDescending(a => a.RegisteredAt).FirstOrDefaultAsync(cancellationToken);
        var decision = await AppealFiling.LatestIssuedAsync(db, command.CaseId, cancellationToken);
        if (appeal is null || decision is null || context.Case.State != CaseState.FirstInstanceReview)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        if (context.AppealChain.Count == 0)
        {
            return new ApplicationResult.Refused(CaseTexts.Get("ForwardingNoBody"));
        }

        var assessment = command.Assessment?.Trim() ?? string.Empty;
        if (assessment.Length == 0)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Assessment), "ForwardingAssessmentRequired");
        }

        if (assessment.Length > AppealForwarding.MaxTextLength)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Assessment), "AppealTextTooLong");
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        if (command.CommentDeadline <= today || command.CommentDeadline > today.AddDays(MaxCommentDays))
        {
            return ApplicationResult.Invalid.Text(nameof(command.CommentDeadline), "ForwardingDeadlineInvalid");
        }

        var body = context.AppealChain[0];
        var moved = context.Case.Apply(CaseTrigger.ForwardToAppealBody, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, body.Code);
        if (!moved.Succeeded)
        {
            return new ApplicationResult.Refused(moved.Reason!);
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
        return await ApplicationAccess.SaveOrConflictAsync(db, context.Case.Id, cancellationToken);
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

/// <summary>
/// A guardian who is a party comments on the forwarding letter (fvl. § 33 fourth paragraph) from "Mine saker" while the
/// appeal body has the case; the comments and files go into the case file the body reads. Comments after the deadline
/// are still received (the body decides what weight to give them).
/// </summary>
public sealed record CommentOnForwardingCommand(Guid CaseId, string PartyPseudonym, string? Text, IReadOnlyList<UploadedFile> Files);

public sealed class CommentOnForwardingHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock, IPdfBundler pdfs)
{
    public async Task<ApplicationResult> HandleAsync(CommentOnForwardingCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new ApplicationResult.NotFound();
        }

        var @case = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        if (@case.State != CaseState.ForwardedToAppealBody || !await db.AppealForwardings.AnyAsync(f => f.CaseId == command.CaseId && f.Outcome == null, cancellationToken))
        {
            return new ApplicationResult.Refused(CaseTexts.Get("AppealNotPossible"));
        }

        var text = command.Text?.Trim() ?? string.Empty;
        var files = command.Files ?? [];
        if (text.Length == 0 && files.Count == 0)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Text), "InformationReplyEmpty");
        }

        if (text.Length > AppealForwarding.MaxTextLength)
        {
            return ApplicationResult.Invalid.Text(nameof(command.Text), "AppealTextTooLong");
        }

        var now = clock.GetUtcNow();
        if (await CaseAttachments.CheckPdfsAsync(pdfs, files, i => $"Files[{i}]", cancellationToken) is { } damaged)
        {
            return new ApplicationResult.Invalid(damaged);
        }

        var (accepted, errors) = CaseAttachments.TryStoreAll(db, command.CaseId, CaseDocumentKind.Comment, files, command.PartyPseudonym, now, i => $"Files[{i}]");
        if (errors is not null)
        {
            return new ApplicationResult.Invalid(errors);
        }

        var stored = accepted.ToList();

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == command.CaseId, cancellationToken)).Content;
        var language = (await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken)).LanguageForm;
        var today = NorwegianTime.Today(now);
        var year = form.Child?.SchoolYearStart ?? NorwegianTime.SchoolYearStart(today);
        var title = CaseTexts.Format("CommentJournalTitle", language, year, year + 1);
        if (text.Length > 0)
        {
            var (document, content) = CaseDocument.ProducedText(Guid.CreateVersion7(now), command.CaseId, CaseDocumentKind.Comment, CaseTexts.Get("CommentFileName", language), text, confidential: true, command.PartyPseudonym, now);
            db.Documents.Add(document);
            db.DocumentContents.Add(content);
            stored.Insert(0, document);
        }

        foreach (var document in stored)
        {
            db.JournalEntries.Add(CaseJournal.Entry(command.CaseId, JournalEntryKind.Incoming, [title], CaseJournal.Limit($"{title} – {document.FileName}"), form, today, now, document.Id, document.Confidential));
        }

        audit.Record("ForwardingCommented", CaseAccess.AuditObjectType, command.CaseId.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, command.CaseId, cancellationToken);
    }
}
