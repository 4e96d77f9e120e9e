using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Casework;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.AppealBodies;

/// <summary>The complete case file for a member of an appeal body the case was forwarded to (open or decided step).</summary>
public sealed record GetAppealBodyCaseFileQuery(Guid CaseId, string BodyCode) : IQuery<AppealBodyCaseFile?>, ICaseRead
{
    // The body's read of the case is audited as any staff read of it.
    public string ReadAction => "CaseRead";
}

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

public sealed class GetAppealBodyCaseFileHandler(IApplicationDbContext db, Rulebooks.RulebookProvider rulebooks) : IQueryHandler<GetAppealBodyCaseFileQuery, AppealBodyCaseFile?>
{
    public async ValueTask<AppealBodyCaseFile?> Handle(GetAppealBodyCaseFileQuery query, CancellationToken cancellationToken)
    {
        var body = await db.AppealBodies.AsNoTracking().SingleOrDefaultAsync(b => b.Code == query.BodyCode, cancellationToken);
        if (body is null)
        {
            return null;
        }

        var file = await CaseFileReading.ReadAsync(db, AppealBodyAccess.CasesOf(db, query.BodyCode), query.CaseId, CaseActorRole.AppealBody, cancellationToken);
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
