using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>What identifies the change of an assessment: the case, the caseworker (from the sign-in) and the revision they saw.</summary>
public interface IAssessmentCommand
{
    Guid CaseId { get; }

    /// <summary>The caseworker's municipality (from the sign-in); another municipality's case is not found.</summary>
    string MunicipalityNumber { get; }

    string StaffUserId { get; }

    /// <summary>The assessment's revision when the form was loaded (0 before any); another one gives a conflict.</summary>
    int ExpectedRevision { get; }
}

/// <summary>
/// What every assessment command shares: the case of the caseworker's own municipality (another municipality's case
/// is not found), the søknad's grade and route, the date of application (the Submit event's Norwegian date) and the
/// rulebook version in force on it; the domain's refusals as Norwegian messages; the revision check and the save, where
/// a concurrent save (xmin) becomes a conflict and nothing of the failed attempt stays in the unit of work.
/// </summary>
internal static class AssessmentChanges
{
    public sealed record Context(
        SchoolTransportCase Case,
        ApplicationForm Form,
        ApplicationChild Child,
        DateOnly ApplicationDate,
        Rulebook Rulebook,
        CaseAssessment Assessment,
        DateTimeOffset Now);

    /// <summary>Changes the assessment with <paramref name="change"/>, which does not touch the unit of work if it fails.</summary>
    public static Task<CommandResult> ChangeAsync(
        IApplicationDbContext db,
        RulebookProvider rulebooks,
        IAuditTrail audit,
        TimeProvider clock,
        IAssessmentCommand target,
        string auditAction,
        Func<Context, AssessmentChange> change,
        CancellationToken cancellationToken) =>
        ChangeAsync(db, rulebooks, audit, clock, target, auditAction, c => Task.FromResult<(AssessmentChange, Failure?)>((change(c), null)), cancellationToken);

    /// <summary>
    /// Changes the assessment with <paramref name="change"/>, which may also refuse input it checked itself (a failure
    /// besides the domain's change, e.g. an uploaded photo that is no photo).
    /// </summary>
    public static async Task<CommandResult> ChangeAsync(
        IApplicationDbContext db,
        RulebookProvider rulebooks,
        IAuditTrail audit,
        TimeProvider clock,
        IAssessmentCommand target,
        string auditAction,
        Func<Context, Task<(AssessmentChange Change, Failure? Failure)>> change,
        CancellationToken cancellationToken)
    {
        var @case = await CaseAsync(db, target.CaseId, target.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new Failure.NotFound();
        }

        if (CaseAssessment.Editable(@case.State) is { } notEditable)
        {
            return new Failure.Refused(AssessmentTexts.Refusal(notEditable));
        }

        var form = (await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == @case.Id, cancellationToken))?.Content;
        if (form?.Child is not { Grade: >= 1 and <= 10 } child)
        {
            return new Failure.Refused(AssessmentTexts.Get("NoApplication"));
        }

        var stored = await db.CaseAssessments.SingleOrDefaultAsync(a => a.CaseId == @case.Id, cancellationToken);
        var assessment = stored ?? CaseAssessment.Start(@case.Id);
        if (assessment.Revision != target.ExpectedRevision)
        {
            return Conflict(db);
        }

        var applicationDate = ApplicationDate(@case);
        var rulebook = await rulebooks.InForceAsync(@case.MunicipalityNumber, applicationDate, cancellationToken);
        if (rulebook is null)
        {
            return new Failure.Refused(AssessmentTexts.FormatCurrent("NoRulebook", applicationDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }

        var (result, failure) = await change(new Context(@case, form, child, applicationDate, rulebook, assessment, clock.GetUtcNow()));
        if (failure is not null || !result.Succeeded)
        {
            Discard(db);
            return failure
                ?? (result.Refusal is { } refusal ? (Failure)new Failure.Refused(AssessmentTexts.Refusal(refusal))
                : new Failure.Invalid(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => AssessmentTexts.Refusal(e.Refusal)).ToArray())));
        }

        if (stored is null)
        {
            db.CaseAssessments.Add(assessment);
        }

        audit.Record(auditAction, CaseAccess.AuditObjectType, @case.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Ok;
        }
        catch (DbUpdateException)
        {
            // Another caseworker saved first: xmin changed, or both created the first revision (primary key).
            return Conflict(db);
        }
    }

    /// <summary>The case if it belongs to the caseworker's municipality; null otherwise, whether or not it exists.</summary>
    public static Task<SchoolTransportCase?> CaseAsync(IApplicationDbContext db, Guid caseId, string? municipalityNumber, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == caseId && c.MunicipalityNumber == municipalityNumber, cancellationToken);

    /// <summary>
    /// The date of application: the Norwegian date the søknad was sent (the Submit event); the rulebook version in force
    /// on that date applies, whenever the case is assessed.
    /// </summary>
    public static DateOnly ApplicationDate(SchoolTransportCase @case)
    {
        var submitted = @case.Events.Where(e => e.Trigger == CaseTrigger.Submit).OrderBy(e => e.Sequence).FirstOrDefault();
        return NorwegianTime.Today(submitted?.OccurredAt ?? @case.CreatedAt);
    }

    private static Failure.Conflict Conflict(IApplicationDbContext db)
    {
        Discard(db);
        return new Failure.Conflict(AssessmentTexts.Get("Conflict"));
    }

    /// <summary>Forgets what the failed attempt put in the unit of work, so a later save in the request (an audited read) does not retry it.</summary>
    private static void Discard(IApplicationDbContext db)
    {
        Detach(db.CaseAssessments);
        Detach(db.Documents);
        Detach(db.DocumentContents);
        Detach(db.JournalEntries);
        Detach(db.AuditEvents);
    }

    private static void Detach<T>(DbSet<T> set)
        where T : class
    {
        foreach (var entity in set.Local.ToList())
        {
            set.Entry(entity).State = EntityState.Detached;
        }
    }
}
