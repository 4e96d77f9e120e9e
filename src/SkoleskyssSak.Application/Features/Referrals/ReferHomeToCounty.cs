using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>
/// The caseworker refers one home's right to the county (opplæringslova § 4-1 first paragraph): only with a confirmed
/// distance beyond the grade's limit (<see cref="HomeReferrals"/>). In one unit of work: the home marked referred; when
/// every home is, the case goes to <see cref="CaseState.ReferredToCounty"/> (by the caseworker); a referral letter to the
/// guardians (PDF, journaled outgoing, e-mailed); the case forwarded to the county's unit (an e-mail listing the case's
/// documents, stored and journaled outgoing); audited. When another home remains, the case stays with the municipality.
/// </summary>
public sealed record ReferHomeToCountyCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, int HomeIndex) : ICommand<CommandResult>;

public sealed class ReferHomeToCountyHandler(
    IApplicationDbContext db,
    RulebookProvider rulebooks,
    ILetterRenderer letters,
    IPdfRenderer pdf,
    INotificationOutbox outbox,
    IServiceLinks links,
    IAuditTrail audit,
    TimeProvider clock)
    : ICommandHandler<ReferHomeToCountyCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ReferHomeToCountyCommand command, CancellationToken cancellationToken)
    {
        var context = await DecisionContext.LoadAsync(db, rulebooks, command.CaseId, command.MunicipalityNumber, tracking: true, cancellationToken);
        if (context is null)
        {
            return new Failure.NotFound();
        }

        var form = context.Form;
        if (command.HomeIndex < 0 || command.HomeIndex >= form.Homes.Count)
        {
            return Failure.Invalid.Field(nameof(command.HomeIndex), ReferralTexts.Get("HomeUnknown"));
        }

        if (!HomeDistanceRules.IsOpen(context.Case.State))
        {
            return new Failure.Refused(ReferralTexts.Get("ReferralCaseNotOpen"));
        }

        var distances = await db.HomeDistances.Where(d => d.CaseId == command.CaseId).ToListAsync(cancellationToken);
        var distance = distances.SingleOrDefault(d => d.HomeIndex == command.HomeIndex);
        var grade = form.Child!.Grade;
        var language = context.Language;
        switch (HomeReferrals.Check(grade, distance))
        {
            case HomeReferralRefusal.NotConfirmed:
                return new Failure.Refused(ReferralTexts.Get("ReferralNotConfirmed"));
            case HomeReferralRefusal.AlreadyReferred:
                return new Failure.Refused(ReferralTexts.Get("ReferralAlreadyReferred"));
            case HomeReferralRefusal.WithinLimit:
                return new Failure.Refused(ReferralTexts.FormatCurrent("ReferralWithinLimit", distance!.ConfirmedKm.ToString("0.##", CultureInfo.CurrentCulture), DistanceEntitlement.LimitKm(grade), grade));
        }

        var unit = await db.CountyTransportUnits.AsNoTracking().SingleOrDefaultAsync(u => u.County == context.Municipality.County, cancellationToken);
        if (unit is null)
        {
            return new Failure.Refused(ReferralTexts.FormatCurrent("ReferralNoCountyUnit", context.Municipality.County));
        }

        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);
        distance!.Refer(grade, command.StaffUserId, now);
        var whole = HomeReferrals.WholeCaseReferred(form.Homes.Count, distances);
        if (whole && !HomeDistanceRules.MayRefer(context.Case.State))
        {
            // One home of several may go while the municipality waits for information; the last one moves the case,
            // which the table allows only from Submitted or InAssessment. Nothing is saved.
            return new Failure.Refused(ReferralTexts.Get("ReferralLastHomeAwaitingInformation"));
        }

        if (whole)
        {
            var moved = context.Case.Apply(CaseTrigger.ReferToCounty, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, unit.Name);
            if (!moved.Succeeded)
            {
                return new Failure.Refused(moved.Reason!);
            }
        }

        var remaining = form.Homes.Where((_, i) => distances.All(d => d.HomeIndex != i || !d.IsReferred)).ToList();
        var letter = ReferralLetters.Compose(context, distance, unit, remaining, today);
        var bytes = await CaseLetterSending.PrintAsync(letters, pdf, context, letter, cancellationToken);
        var year = form.Child.SchoolYearStart;
        var caseNumber = context.Case.CaseNumber!;
        var mail = (
            ReferralTexts.Format("MailSubject", language, caseNumber),
            ReferralTexts.Format("MailBody", language, context.MunicipalityName, caseNumber, unit.Name, links.MyCase(context.Case.Id)),
            "ReferredToCounty");
        var fileName = $"oversending-fylkeskommunen-{caseNumber.Year}-{caseNumber.Sequence:00000}-heim-{command.HomeIndex + 1}.pdf";
        var title = ReferralTexts.Format("ReferralJournalTitle", language, year, year + 1);
        var document = CaseLetterSending.Publish(db, outbox, context, bytes, fileName, title, mail, command.StaffUserId, now, CaseDocumentKind.ReferralLetter);
        distance.AttachLetter(document.Id);

        await ForwardToCountyAsync(context, distance, unit, document, command.StaffUserId, now, cancellationToken);
        audit.Record("HomeReferredToCounty", CaseAccess.AuditObjectType, context.Case.Id.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }

    /// <summary>
    /// The forwarding to the county's unit: an e-mail to its address naming the case, the home, the confirmed distance and
    /// every document of the case but internal notes (fvl. § 18 second paragraph); the same text is stored as a document
    /// of the case and journaled outgoing.
    /// </summary>
    private async Task ForwardToCountyAsync(DecisionContext context, HomeDistance distance, CountyTransportUnit unit, CaseDocument letter, string staffUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var form = context.Form;
        var child = form.Child!;
        var home = form.Homes[distance.HomeIndex];
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == context.Case.Id && d.Kind != CaseDocumentKind.InternalNote)
            .OrderBy(d => d.AddedAt).ThenBy(d => d.FileName)
            .Select(d => new { d.FileName, d.AddedAt })
            .ToListAsync(cancellationToken);
        var listed = documents.Select(d => (d.FileName, d.AddedAt)).Append((letter.FileName, letter.AddedAt))
            .Select(d => ReferralTexts.Format("CountyDocumentLine", language, d.FileName, NorwegianTime.Today(d.AddedAt).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        var caseNumber = context.Case.CaseNumber!;
        var contact = context.Municipality.HandlingUnit is { } handling ? $"{handling}, {context.MunicipalityName}" : context.MunicipalityName;
        var subject = ReferralTexts.Format("CountySubject", language, context.MunicipalityName, caseNumber);
        var body = ReferralTexts.Format(
            "CountyBody",
            language,
            context.MunicipalityName,
            caseNumber,
            child.Grade,
            context.School.Name,
            $"{home.Address}, {home.PostalCode} {home.Place}",
            ReferralTexts.Km(distance.ConfirmedKm, language),
            distance.Source,
            distance.MeasuredOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
            ReferralTexts.Km(DistanceEntitlement.LimitKm(child.Grade), language),
            string.Join("\n", listed),
            contact);
        outbox.Enqueue(new Notification(unit.Email, subject, body, "CaseForwardedToCounty", context.Case.Id));

        var fileName = $"oversending-{caseNumber.Year}-{caseNumber.Sequence:00000}-heim-{distance.HomeIndex + 1}.txt";
        var (document, content) = CaseDocument.ProducedText(Guid.CreateVersion7(now), context.Case.Id, CaseDocumentKind.CountyForwarding, fileName, $"{subject}\n\n{body}", confidential: false, staffUserId, now);
        db.Documents.Add(document);
        db.DocumentContents.Add(content);
        var year = child.SchoolYearStart;
        var title = CaseJournal.Limit(ReferralTexts.Format("CountyJournalTitle", language, year, year + 1, unit.Name));
        db.JournalEntries.Add(CaseJournal.Entry(context.Case.Id, JournalEntryKind.Outgoing, [title], title, form, NorwegianTime.Today(now), now, document.Id));
    }
}
