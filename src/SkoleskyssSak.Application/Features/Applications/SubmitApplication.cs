using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// The applicant sends the søknad. In one transaction: the case number (per municipality and Norwegian year), the
/// Submit event, the incoming journal entry (public title without names), a notification to every guardian with an
/// e-mail address and the audit record. Idempotent: a case already submitted answers with its number again, and of two
/// concurrent submissions one wins and the other gets the same number (or a conflict) — never two numbers.
/// Submission never refers a case to the county on the guardian's own distance estimate (issue 11): the caseworker
/// confirms each home's distance and refers (Features/Referrals); the receipt only says that the distance will be checked.
/// </summary>
public sealed record SubmitApplicationCommand(Guid CaseId, string ApplicantPseudonym) : ICommand<CommandResult<ApplicationSubmitted>>;

/// <param name="AlreadySubmitted">True when the case had been submitted before (a double click or a resubmitted POST).</param>
public sealed record ApplicationSubmitted(Guid CaseId, CaseNumber CaseNumber, CaseState State, bool AlreadySubmitted);

/// <summary>
/// The whole søknad, every step again (<see cref="ApplicationStepValidators.FormAsync"/>) and the declaration ticked.
/// Nothing is checked for a case that is not the caller's or was submitted already: the handler answers those.
/// </summary>
public sealed class SubmitApplicationValidator : AbstractValidator<SubmitApplicationCommand>
{
    public SubmitApplicationValidator(IApplicationDbContext db, ApplicationStepValidators steps)
    {
        RuleFor(c => c.CaseId).CustomAsync(async (caseId, context, ct) =>
        {
            var command = context.InstanceToValidate;
            var application = await CaseAccess.ApplicationOfApplicantAsync(db, caseId, command.ApplicantPseudonym, tracking: false, ct);
            if (application is null)
            {
                return;
            }

            var @case = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.CaseNumber, c.MunicipalityNumber }).SingleAsync(ct);
            if (@case.CaseNumber is not null)
            {
                return;
            }

            foreach (var failure in await steps.FormAsync(application.Content, @case.MunicipalityNumber, ct))
            {
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class SubmitApplicationHandler(
    IApplicationDbContext db,
    ICaseNumberAllocator numbers,
    INotificationOutbox outbox,
    IAuditTrail audit,
    ICitizenPseudonyms pseudonyms,
    IServiceLinks links,
    TimeProvider clock)
    : ICommandHandler<SubmitApplicationCommand, CommandResult<ApplicationSubmitted>>
{
    public async ValueTask<CommandResult<ApplicationSubmitted>> Handle(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var application = await CaseAccess.ApplicationOfApplicantAsync(db, command.CaseId, command.ApplicantPseudonym, tracking: false, cancellationToken);
        if (application is null)
        {
            return new Failure.NotFound();
        }

        if (await AlreadySubmittedAsync(command.CaseId, cancellationToken) is { } already)
        {
            return already;
        }

        try
        {
            return await db.InTransactionAsync(ct => SubmitAsync(command, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another submission of the same case won (xmin), and its number stands; this one rolled back with its number.
            return await AlreadySubmittedAsync(command.CaseId, cancellationToken)
                ?? CommandResult<ApplicationSubmitted>.Failed(new Failure.Conflict(CaseTexts.Get("Conflict")));
        }
    }

    private async Task<CommandResult<ApplicationSubmitted>> SubmitAsync(SubmitApplicationCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == command.CaseId, cancellationToken);
        if (@case.CaseNumber is not null)
        {
            return new ApplicationSubmitted(@case.Id, @case.CaseNumber, @case.State, AlreadySubmitted: true);
        }

        var application = await db.Applications.SingleAsync(a => a.CaseId == command.CaseId, cancellationToken);
        var form = application.Content;
        var child = form.Child!;
        var municipality = await db.Municipalities.SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var school = await db.Schools.SingleAsync(s => s.Id == child.SchoolId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = NorwegianTime.Today(now);

        var caseNumber = await numbers.NextAsync(@case.MunicipalityNumber, today.Year, cancellationToken);
        if (!@case.TryAssignCaseNumber(caseNumber))
        {
            throw new InvalidOperationException("A draft without a case number refused one.");
        }

        var submitted = @case.Apply(CaseTrigger.Submit, new CaseActor(command.ApplicantPseudonym, CaseActorRole.Guardian), now);
        if (!submitted.Succeeded)
        {
            throw new InvalidOperationException($"Submit was refused: {submitted.ErrorType}.");
        }

        // What the caseworkers' work queue filters and sorts on, as columns of the case (issue 5).
        @case.RecordSubmission(child.SchoolId, child.Grade, now);

        var estimate = Referrals.ReceiptDistance.Of(form);
        await AddGuardiansAsPartiesAsync(@case.Id, form, cancellationToken);
        var language = municipality.LanguageForm;
        db.JournalEntries.Add(RegisterJournalEntry(@case.Id, form, school.Name, language, caseNumber, today, now));
        var attachments = await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == @case.Id && d.Kind == Domain.Documents.CaseDocumentKind.ApplicationAttachment)
            .OrderBy(d => d.AddedAt)
            .ToListAsync(cancellationToken);
        CaseAttachments.Journal(db, attachments, form, language, child.SchoolYearStart, today, now);
        EnqueueNotifications(@case.Id, form, CaseHandling.Of(municipality, now), school.Name, caseNumber, estimate);
        audit.Record("ApplicationSubmitted", CaseAccess.AuditObjectType, @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicationSubmitted(@case.Id, caseNumber, @case.State, AlreadySubmitted: false);
    }

    /// <summary>
    /// Every guardian named with a fødselsnummer becomes a party, so the case is in their "Mine saker" too
    /// (issue 4: all cases where the signed-in person is a guardian). Stored by pseudonym only.
    /// </summary>
    private async Task AddGuardiansAsPartiesAsync(Guid caseId, ApplicationForm form, CancellationToken cancellationToken)
    {
        var existing = await db.CaseParties.Where(p => p.CaseId == caseId).Select(p => p.PartyPseudonym).ToListAsync(cancellationToken);
        foreach (var guardian in form.Guardians.Where(g => !string.IsNullOrWhiteSpace(g.NationalIdentityNumber)))
        {
            var pseudonym = pseudonyms.PseudonymFor(guardian.NationalIdentityNumber!.Trim());
            if (!existing.Contains(pseudonym))
            {
                db.CaseParties.Add(new CaseParty(caseId, pseudonym, CasePartyRole.Guardian));
                existing.Add(pseudonym);
            }
        }
    }

    private async Task<ApplicationSubmitted?> AlreadySubmittedAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var stored = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.CaseNumber, c.State }).SingleOrDefaultAsync(cancellationToken);
        return stored?.CaseNumber is { } number ? new ApplicationSubmitted(caseId, number, stored.State, AlreadySubmitted: true) : null;
    }

    /// <summary>
    /// "Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole". Should a name of the child or a
    /// guardian occur in that text (a surname like the school's, or "Li" in "særlig"), a shorter public title is used,
    /// and in the last resort the case number: the public title never names them (offentleglova § 13).
    /// </summary>
    private static JournalEntry RegisterJournalEntry(Guid caseId, ApplicationForm form, string schoolName, LanguageForm language, CaseNumber caseNumber, DateOnly today, DateTimeOffset now)
    {
        var year = form.Child!.SchoolYearStart;
        var title = CaseJournal.Limit(CaseTexts.Format("JournalTitle", language, year, year + 1, schoolName, form.Child.Name));
        string[] publicTitles =
        [
            CaseJournal.Limit(CaseTexts.Format("JournalPublicTitle", language, year, year + 1, schoolName)),
            CaseTexts.Format("JournalPublicTitleShort", language, year, year + 1),
            caseNumber.ToString(),
        ];
        return CaseJournal.Entry(caseId, JournalEntryKind.Incoming, publicTitles, title, form, today, now);
    }


    /// <summary>
    /// To every guardian with an e-mail address: the case number, municipality, school and school year, who handles
    /// the case and when to expect an answer, and a link to "Mine saker". Never the child's name, a fødselsnummer,
    /// the reasons or health details (an e-mail is not a secure channel).
    /// </summary>
    private void EnqueueNotifications(Guid caseId, ApplicationForm form, CaseHandling handling, string schoolName, CaseNumber caseNumber, Referrals.ReceiptDistance estimate)
    {
        var language = handling.LanguageForm;
        var municipality = handling.MunicipalityName + " kommune";
        var year = form.Child!.SchoolYearStart;
        var subject = CaseTexts.Format("ReceiptSubject", language, caseNumber);
        // An estimate beyond the limit: the municipality checks the distance and, if it is beyond, sends that part to the county,
        // which answers (opplæringslova § 4-1 first paragraph); no municipal answer is promised for it.
        var referral = estimate.Text(language) is { } check ? check + "\n\n" : string.Empty;
        var unit = handling.Unit is { } u ? CaseTexts.Format("ReceiptHandlingUnit", language, u) + " " : string.Empty;
        var expected = estimate.AllHomesBeyond ? string.Empty
            : handling is { ProcessingWeeks: { } weeks, ExpectedDecisionBy: { } by }
                ? CaseTexts.Format("ReceiptExpectedTime", language, weeks, by.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture))
                : CaseTexts.Get("ReceiptExpectedTimeUnknown", language);
        var signature = handling.Unit is { } signedBy ? $"{signedBy}\n{municipality}" : municipality;
        var body = CaseTexts.Format("ReceiptBody", language, municipality, year, year + 1, schoolName, caseNumber, referral, (unit + expected).Trim(), links.MyCase(caseId), signature);

        foreach (var recipient in form.GuardianEmails())
        {
            outbox.Enqueue(new Notification(recipient, subject, body, "ApplicationReceived", caseId));
        }
    }
}
