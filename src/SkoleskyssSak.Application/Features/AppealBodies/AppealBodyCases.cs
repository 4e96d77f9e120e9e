using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Casework;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The cases an appeal body has (open forwardings to it), and those it decided lately.</summary>
public sealed record ListAppealBodyQueueQuery(string BodyCode);

public sealed record AppealBodyQueueItem(
    Guid CaseId,
    CaseNumber? CaseNumber,
    string MunicipalityName,
    string? SchoolName,
    DateTimeOffset ForwardedAt,
    DateOnly CommentDeadline,
    int Step,
    AppealBodyOutcome? Outcome,
    DateTimeOffset? DecidedAt);

public sealed record AppealBodyWorklist(string BodyName, IReadOnlyList<AppealBodyQueueItem> Open, IReadOnlyList<AppealBodyQueueItem> RecentlyDecided);

public sealed class ListAppealBodyQueueHandler(IApplicationDbContext db)
{
    /// <summary>How many decided cases the queue shows under "recently decided".</summary>
    public const int RecentCount = 50;

    public async Task<AppealBodyWorklist?> HandleAsync(ListAppealBodyQueueQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = await db.AppealBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == query.BodyCode, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var rows = from f in db.AppealForwardings.AsNoTracking()
                   where f.BodyCode == query.BodyCode
                   join c in db.Cases.AsNoTracking() on f.CaseId equals c.Id
                   join m in db.Municipalities.AsNoTracking() on c.MunicipalityNumber equals m.Number
                   join s in db.Schools.AsNoTracking() on c.SchoolId equals (Guid?)s.Id into schools
                   from s in schools.DefaultIfEmpty()
                   select new { f, c.CaseNumber, Municipality = m.Name, School = s == null ? null : s.Name };
        var open = await rows.Where(r => r.f.Outcome == null).OrderBy(r => r.f.ForwardedAt)
            .Select(r => new AppealBodyQueueItem(r.f.CaseId, r.CaseNumber, r.Municipality, r.School, r.f.ForwardedAt, r.f.CommentDeadline, r.f.Step, r.f.Outcome, r.f.DecidedAt))
            .ToListAsync(cancellationToken);
        var decided = await rows.Where(r => r.f.Outcome != null).OrderByDescending(r => r.f.DecidedAt).Take(RecentCount)
            .Select(r => new AppealBodyQueueItem(r.f.CaseId, r.CaseNumber, r.Municipality, r.School, r.f.ForwardedAt, r.f.CommentDeadline, r.f.Step, r.f.Outcome, r.f.DecidedAt))
            .ToListAsync(cancellationToken);
        return new AppealBodyWorklist(body.Name, open, decided);
    }
}

/// <summary>The complete case file for a member of an appeal body the case was forwarded to (open or decided step).</summary>
public sealed record GetAppealBodyCaseFileQuery(Guid CaseId, string BodyCode);

public sealed record AppealForwardingView(
    Guid Id,
    string BodyCode,
    string BodyName,
    int Step,
    string Assessment,
    DateOnly CommentDeadline,
    DateTimeOffset ForwardedAt,
    Guid? LetterDocumentId,
    AppealBodyOutcome? Outcome,
    DateTimeOffset? DecidedAt,
    DateOnly? MeetingDate,
    string? Resolution,
    Guid? DecisionDocumentId);

/// <param name="OpenStep">This body's open step, if it has the case now.</param>
/// <param name="NextBodyCode">The next body of the chain after this one; null when this body is the last (final).</param>
/// <param name="IsCommittee">A political committee or formannskap: a decision needs the meeting date and resolution.</param>
/// <param name="Assessment">The municipality's objective and subjective assessment with its site inspections, as the
/// decision's grounds quote it; null when none is recorded (issue 11: the body reads everything).</param>
public sealed record AppealBodyCaseFile(
    CaseFile File,
    string MunicipalityName,
    AppealBody Body,
    IReadOnlyList<AppealForwardingView> Forwardings,
    IReadOnlyList<AppealBodyAppealView> Appeals,
    AppealForwardingView? OpenStep,
    string? NextBodyCode,
    bool IsCommittee,
    IReadOnlyList<string>? Assessment = null);

public sealed record AppealBodyAppealView(DateOnly ReceivedOn, AppealChannel Channel, DateOnly Deadline, bool IsLate, string Text);

public sealed class GetAppealBodyCaseFileHandler(IApplicationDbContext db, IAuditTrail audit, Rulebooks.RulebookProvider rulebooks)
{
    public async Task<AppealBodyCaseFile?> HandleAsync(GetAppealBodyCaseFileQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = await db.AppealBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == query.BodyCode, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var file = await GetCaseFileHandler.ReadAsync(db, audit, AppealBodyAccess.CasesOf(db, query.BodyCode), query.CaseId, CaseActorRole.AppealBody, cancellationToken);
        if (file is null)
        {
            return null;
        }

        var names = await db.AppealBodies.AsNoTracking().ToDictionaryAsync(b => b.Code, b => b.Name, cancellationToken);
        var forwardings = (await db.AppealForwardings.AsNoTracking().Where(f => f.CaseId == query.CaseId).OrderBy(f => f.Step).ThenBy(f => f.ForwardedAt).ToListAsync(cancellationToken))
            .Select(f => new AppealForwardingView(f.Id, f.BodyCode, names.GetValueOrDefault(f.BodyCode, f.BodyCode), f.Step, f.Assessment, f.CommentDeadline, f.ForwardedAt, f.LetterDocumentId, f.Outcome, f.DecidedAt, f.MeetingDate, f.Resolution, f.DecisionDocumentId))
            .ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(a => a.CaseId == query.CaseId).OrderBy(a => a.RegisteredAt)
            .Select(a => new AppealBodyAppealView(a.ReceivedOn, a.Channel, a.Deadline, a.IsLate, a.Text))
            .ToListAsync(cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Number == file.MunicipalityNumber).Select(m => m.Name).SingleAsync(cancellationToken);
        var next = await AppealBodyAccess.NextBodyAsync(db, rulebooks, file.CaseId, query.BodyCode, cancellationToken);
        var language = await db.Municipalities.AsNoTracking().Where(m => m.Number == file.MunicipalityNumber).Select(m => m.LanguageForm).SingleAsync(cancellationToken);
        var assessment = await db.CaseAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.CaseId == file.CaseId, cancellationToken);
        var summary = assessment is null ? null : Assessments.AssessmentReads.Summarize(assessment, language);
        return new AppealBodyCaseFile(
            file,
            municipality,
            body,
            forwardings,
            appeals,
            forwardings.LastOrDefault(f => f.BodyCode == query.BodyCode && f.Outcome is null),
            next,
            AppealBodyAccess.IsCommittee(body),
            summary is null ? null : Decisions.DecisionLetters.AssessmentParagraphs(summary, language));
    }
}

/// <summary>One document of a case forwarded to the member's body (the whole file: the body reads everything, fvl. § 33).</summary>
public sealed record GetAppealBodyCaseDocumentQuery(Guid CaseId, Guid DocumentId, string BodyCode);

public sealed class GetAppealBodyCaseDocumentHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyDocumentFile?> HandleAsync(GetAppealBodyCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = db.Documents.Where(d => db.AppealForwardings.Any(f => f.CaseId == d.CaseId && f.BodyCode == query.BodyCode));
        return await CaseDocumentFiles.ReadAsync(db, audit, visible, query.CaseId, query.DocumentId, cancellationToken);
    }
}

/// <summary>An appeal body sees a case only because a step of the chain (open or decided) names it.</summary>
internal static class AppealBodyAccess
{
    public static IQueryable<SchoolTransportCase> CasesOf(IApplicationDbContext db, string bodyCode) =>
        db.Cases.Where(c => db.AppealForwardings.Any(f => f.CaseId == c.Id && f.BodyCode == bodyCode));

    public static bool IsCommittee(AppealBody body) => body.Kind is AppealBodyKind.PoliticalCommittee or AppealBodyKind.Formannskap;

    /// <summary>The body after <paramref name="bodyCode"/> in the case's chain (rulebook in force when the søknad came in), or null.</summary>
    public static async Task<string?> NextBodyAsync(IApplicationDbContext db, Rulebooks.RulebookProvider rulebooks, Guid caseId, string bodyCode, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == caseId, cancellationToken);
        var school = @case.SchoolId is { } schoolId ? await db.Schools.AsNoTracking().SingleOrDefaultAsync(s => s.Id == schoolId, cancellationToken) : null;
        if (school is null)
        {
            return null;
        }

        var received = Domain.Time.NorwegianTime.Today(CaseSubmission.SubmittedAt(@case) ?? @case.CreatedAt);
        var rulebook = await rulebooks.InForceAsync(@case.MunicipalityNumber, received, cancellationToken);
        var chain = await Decisions.DecisionContext.AppealChainCodesAsync(db, rulebook, school, cancellationToken);
        var index = chain.ToList().IndexOf(bodyCode);
        return index >= 0 && index < chain.Count - 1 ? chain[index + 1] : null;
    }
}
