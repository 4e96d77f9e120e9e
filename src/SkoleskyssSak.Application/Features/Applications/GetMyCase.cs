using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>One of "Mine saker": the case, its søknad and its timeline, for a party only.</summary>
public sealed record GetMyCaseQuery(Guid CaseId, string PartyPseudonym) : IQuery<MyCaseDetails?>, ICaseRead
{
    public string ReadAction => "ApplicationRead";
}

public sealed record MyCaseEvent(DateTimeOffset OccurredAt, CaseTrigger Trigger, CaseState From, CaseState To);

/// <summary>A document a party may see (fvl. §§ 18–19: not the administration's internal notes).</summary>
public sealed record MyCaseDocument(Guid DocumentId, CaseDocumentKind Kind, string FileName, string ContentType, long SizeBytes, bool Confidential, DateTimeOffset AddedAt);

/// <summary>The caseworker's open request for more information, which the guardian answers from "Mine saker".</summary>
public sealed record MyInformationRequest(Guid RequestId, string Question, DateOnly ReplyBy, DateTimeOffset RequestedAt);

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

public sealed class GetMyCaseHandler(IApplicationDbContext db) : IQueryHandler<GetMyCaseQuery, MyCaseDetails?>
{
    public async ValueTask<MyCaseDetails?> Handle(GetMyCaseQuery query, CancellationToken cancellationToken)
    {
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
        var submittedAt = CaseSubmission.SubmittedAt(@case);
        var inForce = await db.Decisions.AsNoTracking()
            .Where(d => d.CaseId == query.CaseId && d.Status == DecisionStatus.Issued && d.Outcome != DecisionOutcome.AppealDismissed)
            .OrderByDescending(d => d.IssuedAt)
            .Select(d => new MyDecision(d.Kind, d.Outcome, d.PeriodFrom, d.PeriodTo, d.IssuedAt!.Value))
            .FirstOrDefaultAsync(cancellationToken);
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
}
