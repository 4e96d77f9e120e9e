using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Assessments;

/// <summary>The assessment's texts (Resources/AssessmentTexts.resx: Bokmål; .nn.resx: Nynorsk).</summary>
public static class AssessmentTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.AssessmentTexts", typeof(AssessmentTexts).Assembly);

    /// <summary>In the current UI culture (the page's language).</summary>
    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    /// <summary>In the municipality's language form (what a letter quotes).</summary>
    public static string Format(string key, LanguageForm form, params object?[] args)
    {
        var culture = CaseTexts.CultureFor(form);
        return string.Format(culture, Texts.GetString(key, culture) ?? key, args);
    }

    public static string FormatCurrent(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);

    public static string Refusal(AssessmentRefusal refusal) => Get(refusal.ToString());
}

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

/// <summary>The handlers of the assessment's commands: each names its audit action and the change of the aggregate.</summary>
public abstract class AssessmentCommandBase(IApplicationDbContext db, RulebookProvider rulebooks, IAuditTrail audit, TimeProvider clock)
{
    private protected IApplicationDbContext Db => db;

    private protected Task<ApplicationResult> ChangeAsync(IAssessmentCommand command, string auditAction, Func<AssessmentCommands.Context, AssessmentChange> change, CancellationToken cancellationToken) =>
        ChangeAsync(command, auditAction, c => Task.FromResult<(AssessmentChange, IReadOnlyDictionary<string, string[]>?)>((change(c), null)), cancellationToken);

    private protected Task<ApplicationResult> ChangeAsync(
        IAssessmentCommand command,
        string auditAction,
        Func<AssessmentCommands.Context, Task<(AssessmentChange Change, IReadOnlyDictionary<string, string[]>? Errors)>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return AssessmentCommands.ChangeAsync(db, rulebooks, audit, clock, command, auditAction, change, cancellationToken);
    }
}

/// <summary>
/// What every assessment command shares: the case of the caseworker's own municipality (another municipality's case
/// is not found), the søknad's grade and route, the date of application (the Submit event's Norwegian date) and the
/// rulebook version in force on it; the domain's refusals as Norwegian messages; the revision check and the save, where
/// a concurrent save (xmin) becomes a conflict and nothing of the failed attempt stays in the unit of work.
/// </summary>
internal static class AssessmentCommands
{
    public const string AuditObjectType = "Case";

    public sealed record Context(
        SchoolTransportCase Case,
        ApplicationForm Form,
        ApplicationChild Child,
        DateOnly ApplicationDate,
        Rulebook Rulebook,
        CaseAssessment Assessment,
        DateTimeOffset Now);

    public static async Task<ApplicationResult> ChangeAsync(
        IApplicationDbContext db,
        RulebookProvider rulebooks,
        IAuditTrail audit,
        TimeProvider clock,
        IAssessmentCommand target,
        string auditAction,
        Func<Context, Task<(AssessmentChange Change, IReadOnlyDictionary<string, string[]>? Errors)>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var @case = await CaseAsync(db, target.CaseId, target.MunicipalityNumber, cancellationToken);
        if (@case is null)
        {
            return new ApplicationResult.NotFound();
        }

        if (CaseAssessment.Editable(@case.State) is { } notEditable)
        {
            return new ApplicationResult.Refused(AssessmentTexts.Refusal(notEditable));
        }

        var form = (await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == @case.Id, cancellationToken))?.Content;
        if (form?.Child is not { Grade: >= 1 and <= 10 } child)
        {
            return new ApplicationResult.Refused(AssessmentTexts.Get("NoApplication"));
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
            return new ApplicationResult.Refused(AssessmentTexts.FormatCurrent("NoRulebook", applicationDate.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)));
        }

        var (result, errors) = await change(new Context(@case, form, child, applicationDate, rulebook, assessment, clock.GetUtcNow()));
        if (errors is not null || !result.Succeeded)
        {
            Discard(db);
            return errors is not null ? new ApplicationResult.Invalid(errors)
                : result.Refusal is { } refusal ? new ApplicationResult.Refused(AssessmentTexts.Refusal(refusal))
                : new ApplicationResult.Invalid(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => AssessmentTexts.Refusal(e.Refusal)).ToArray()));
        }

        if (stored is null)
        {
            db.CaseAssessments.Add(assessment);
        }

        audit.Record(auditAction, AuditObjectType, @case.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ApplicationResult.Saved(@case.Id);
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
        ArgumentNullException.ThrowIfNull(@case);
        var submitted = @case.Events.Where(e => e.Trigger == CaseTrigger.Submit).OrderBy(e => e.Sequence).FirstOrDefault();
        return NorwegianTime.Today(submitted?.OccurredAt ?? @case.CreatedAt);
    }

    private static ApplicationResult.Conflict Conflict(IApplicationDbContext db)
    {
        Discard(db);
        return new ApplicationResult.Conflict(AssessmentTexts.Get("Conflict"));
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
