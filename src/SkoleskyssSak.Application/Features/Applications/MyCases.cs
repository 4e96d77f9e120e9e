using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Deadlines;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>"Mine saker": every case where the signed-in person is a party, newest first.</summary>
public sealed record ListMyCasesQuery(string PartyPseudonym);

/// <param name="CaseNumber">Null while the case is a draft.</param>
/// <param name="ChildFirstName">Only the first name: enough to tell siblings apart.</param>
public sealed record MyCaseSummary(Guid CaseId, CaseNumber? CaseNumber, CaseState State, string? SchoolName, string? ChildFirstName, DateTimeOffset? SubmittedAt, DateTimeOffset UpdatedAt);

public sealed class ListMyCasesHandler(IApplicationDbContext db)
{
    public async Task<IReadOnlyList<MyCaseSummary>> HandleAsync(ListMyCasesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!CaseAccess.IsValidPseudonym(query.PartyPseudonym))
        {
            return [];
        }

        var caseIds = db.CaseParties.Where(p => p.PartyPseudonym == query.PartyPseudonym).Select(p => p.CaseId);
        var cases = await db.Cases.AsNoTracking().Include(c => c.Events).Where(c => caseIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToDictionaryAsync(a => a.CaseId, cancellationToken);
        var schoolIds = applications.Values.Where(a => a.Content.Child is not null).Select(a => a.Content.Child!.SchoolId).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return cases
            .Select(c =>
            {
                var application = applications.GetValueOrDefault(c.Id);
                var child = application?.Content.Child;
                return new MyCaseSummary(
                    c.Id,
                    c.CaseNumber,
                    c.State,
                    child is null ? null : schools.GetValueOrDefault(child.SchoolId),
                    child?.FirstName(),
                    GetMyCaseHandler.SubmittedAt(c),
                    application?.UpdatedAt ?? c.CreatedAt);
            })
            .OrderByDescending(s => s.SubmittedAt ?? s.UpdatedAt)
            .ToList();
    }
}

/// <summary>One of "Mine saker": the case, its søknad and its timeline, for a party only.</summary>
public sealed record GetMyCaseQuery(Guid CaseId, string PartyPseudonym);

public sealed record MyCaseEvent(DateTimeOffset OccurredAt, CaseTrigger Trigger, CaseState From, CaseState To);

/// <summary>A document a party may see (fvl. §§ 18–19: not the administration's internal notes).</summary>
public sealed record MyCaseDocument(Guid DocumentId, CaseDocumentKind Kind, string FileName, string ContentType, long SizeBytes, bool Confidential, DateTimeOffset AddedAt);

/// <summary>The caseworker's open request for more information, which the guardian answers from "Mine saker".</summary>
public sealed record MyInformationRequest(Guid RequestId, string Question, DateOnly ReplyBy, DateTimeOffset RequestedAt);

/// <summary>Who handles the case and when the parent may expect an answer (issue 4: "the expected processing time, the caseworker's unit").</summary>
/// <param name="Unit">Null when the municipality has not configured it.</param>
/// <param name="ProcessingWeeks">Null when the municipality announces no processing time.</param>
/// <param name="ExpectedDecisionBy">Null for a draft, or without a processing time.</param>
public sealed record CaseHandling(string MunicipalityName, LanguageForm LanguageForm, string? Unit, int? ProcessingWeeks, DateOnly? ExpectedDecisionBy)
{
    public static CaseHandling Of(Municipality municipality, DateTimeOffset? submittedAt)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        var received = submittedAt is { } at ? NorwegianTime.Today(at) : (DateOnly?)null;
        return new CaseHandling(municipality.Name, municipality.LanguageForm, municipality.HandlingUnit, municipality.ExpectedProcessingWeeks, ExpectedDecisionDate.From(received, municipality.ExpectedProcessingWeeks));
    }
}

/// <param name="SubmittedAt">When the søknad was sent; null for a draft.</param>
/// <param name="IsApplicant">The caller applied (and may edit the draft).</param>
/// <param name="CanWithdraw">The state machine lets a guardian withdraw now.</param>
/// <param name="Documents">Oldest first; a draft's are the attachments uploaded so far.</param>
/// <param name="OpenInformationRequest">Set while the case awaits the guardian's reply.</param>
/// <param name="DecisionInForce">The latest issued decision on the søknad (a dismissal of a late appeal leaves the one
/// before it in force); null before the first decision.</param>
public sealed record MyCaseDetails(
    Guid CaseId,
    string MunicipalityNumber,
    CaseNumber? CaseNumber,
    CaseState State,
    string? SchoolName,
    ApplicationForm Application,
    IReadOnlyList<MyCaseEvent> Timeline,
    DateTimeOffset? SubmittedAt,
    CaseHandling Handling,
    bool IsApplicant,
    bool CanWithdraw,
    IReadOnlyList<MyCaseDocument> Documents,
    MyInformationRequest? OpenInformationRequest,
    MyDecision? DecisionInForce = null);

/// <summary>What the decision in force says, for the parent's case page: the outcome and the period (issue 11).</summary>
public sealed record MyDecision(DecisionKind Kind, DecisionOutcome Outcome, DateOnly? PeriodFrom, DateOnly? PeriodTo, DateTimeOffset IssuedAt);

public sealed class GetMyCaseHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyCaseDetails?> HandleAsync(GetMyCaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == query.CaseId, cancellationToken);
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == query.CaseId, cancellationToken);
        var form = application.Content;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.CaseId == query.CaseId && d.Kind != CaseDocumentKind.InternalNote)
            .OrderBy(d => d.AddedAt).ThenBy(d => d.FileName)
            .Select(d => new MyCaseDocument(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.Confidential, d.AddedAt))
            .ToListAsync(cancellationToken);
        var openRequest = @case.State != CaseState.AwaitingInformation ? null : await db.InformationRequests.AsNoTracking()
            .Where(r => r.CaseId == query.CaseId && r.AnsweredAt == null)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => new MyInformationRequest(r.Id, r.Question, r.ReplyBy, r.RequestedAt))
            .FirstOrDefaultAsync(cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var submittedAt = SubmittedAt(@case);
        var inForce = await db.Decisions.AsNoTracking()
            .Where(d => d.CaseId == query.CaseId && d.Status == DecisionStatus.Issued && d.Outcome != DecisionOutcome.AppealDismissed)
            .OrderByDescending(d => d.IssuedAt)
            .Select(d => new MyDecision(d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.IssuedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
        audit.Record("ApplicationRead", CaseAccess.AuditObjectType, @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new MyCaseDetails(
            @case.Id,
            @case.MunicipalityNumber,
            @case.CaseNumber,
            @case.State,
            school,
            form,
            @case.Events.OrderBy(e => e.Sequence).Select(e => new MyCaseEvent(e.OccurredAt, e.Trigger, e.From, e.To)).ToList(),
            submittedAt,
            CaseHandling.Of(municipality, submittedAt),
            application.ApplicantPseudonym == query.PartyPseudonym,
            @case.PermittedTriggers(CaseActorRole.Guardian).Contains(CaseTrigger.Withdraw),
            documents,
            openRequest,
            inForce);
    }

    internal static DateTimeOffset? SubmittedAt(SchoolTransportCase @case) =>
        @case.Events.Where(e => e.Trigger == CaseTrigger.Submit).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();
}

/// <summary>One document of a case, for a party of it; internal notes and other cases' documents are not found.</summary>
public sealed record GetMyCaseDocumentQuery(Guid CaseId, Guid DocumentId, string PartyPseudonym);

public sealed record MyDocumentFile(string FileName, string ContentType, byte[] Content);

public sealed class GetMyCaseDocumentHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyDocumentFile?> HandleAsync(GetMyCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!await CaseAccess.IsPartyAsync(db, query.CaseId, query.PartyPseudonym, cancellationToken))
        {
            return null;
        }

        // fvl. §§ 18–19: the parties see every document but the administration's internal notes.
        return await ReadAsync(db, audit, db.Documents.Where(d => d.Kind != CaseDocumentKind.InternalNote), query.CaseId, query.DocumentId, cancellationToken);
    }

    /// <summary>A document of the case among <paramref name="visible"/>, with its bytes; the read is audited. Null when not found.</summary>
    internal static async Task<MyDocumentFile?> ReadAsync(IApplicationDbContext db, IAuditTrail audit, IQueryable<CaseDocument> visible, Guid caseId, Guid documentId, CancellationToken cancellationToken)
    {
        var file = await visible.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == caseId)
            .Join(db.DocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new MyDocumentFile(d.FileName, d.ContentType, c.Content))
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        audit.Record("DocumentRead", CaseAccess.AuditObjectType, $"{caseId}:{documentId}");
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }
}
