using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>
/// Who read or changed a case, when and what (issue 5, Integrity), for a caseworker of the case's municipality: the
/// audit records of the case and of its documents, newest first, at most <see cref="GetCaseAuditTrailHandler.Limit"/>.
/// </summary>
public sealed record GetCaseAuditTrailQuery(Guid CaseId, string MunicipalityNumber) : IQuery<CaseAuditTrail?>, ICaseRead
{
    /// <summary>Reading the audit trail is itself a read of the case (written by the pipeline, shown as the newest line).</summary>
    public string ReadAction => "CaseAuditTrailRead";
}

/// <param name="ActorName">The display name of a caseworker of the municipality, when the actor is one.</param>
/// <param name="DocumentName">The file name when the record is about a document of the case.</param>
/// <param name="Detail">What else the record names after the case id (e.g. the step of a søknad saved), if not a document.</param>
public sealed record CaseAuditEntry(DateTimeOffset OccurredAt, string ActorKind, string ActorId, string? ActorName, string Action, string? DocumentName, string? Detail);

/// <param name="Truncated">There are older records than those listed.</param>
public sealed record CaseAuditTrail(Guid CaseId, CaseNumber? CaseNumber, IReadOnlyList<CaseAuditEntry> Entries, bool Truncated);

public sealed class GetCaseAuditTrailHandler(IApplicationDbContext db, IStaffDirectory staff, ICurrentActor actor, TimeProvider clock) : IQueryHandler<GetCaseAuditTrailQuery, CaseAuditTrail?>
{
    /// <summary>The most records shown; a case has a few dozen, so more means something to look into in the database.</summary>
    public const int Limit = 500;

    public async ValueTask<CaseAuditTrail?> Handle(GetCaseAuditTrailQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Where(c => c.Id == query.CaseId && c.MunicipalityNumber == query.MunicipalityNumber && c.State != CaseState.Draft)
            .Select(c => new { c.Id, c.CaseNumber })
            .SingleOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return null;
        }

        // The case's records carry its id, or "caseId:documentId" (documents) and "caseId:detail".
        var id = @case.Id.ToString();
        var prefix = id + ":";
        var records = await db.AuditEvents.AsNoTracking()
            .Where(a => a.ObjectType == CaseAccess.AuditObjectType && (a.ObjectId == id || a.ObjectId!.StartsWith(prefix)))
            .OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Take(Limit)
            .Select(a => new { a.OccurredAt, a.ActorKind, a.ActorId, a.Action, a.ObjectId })
            .ToListAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == query.CaseId)
            .ToDictionaryAsync(d => d.Id.ToString(), d => d.FileName, cancellationToken);
        var names = (await staff.CaseworkersOfAsync(query.MunicipalityNumber, cancellationToken))
            .ToDictionary(s => s.Id.ToString(), s => s.DisplayName, StringComparer.OrdinalIgnoreCase);

        // This read is the newest line: the pipeline records it (ICaseRead) once the trail is found, as this actor now.
        var thisRead = new CaseAuditEntry(clock.GetUtcNow(), actor.ActorKind, actor.ActorId, actor.ActorKind == "Staff" ? names.GetValueOrDefault(actor.ActorId) : null, query.ReadAction, null, null);
        var entries = records.Take(Limit - 1).Select(a =>
        {
            var detail = a.ObjectId!.Length > prefix.Length ? a.ObjectId[prefix.Length..] : null;
            var document = detail is not null ? documents.GetValueOrDefault(detail) : null;
            return new CaseAuditEntry(
                a.OccurredAt,
                a.ActorKind,
                a.ActorId,
                a.ActorKind == "Staff" ? names.GetValueOrDefault(a.ActorId) : null,
                a.Action,
                document,
                document is null ? detail : null);
        }).Prepend(thisRead).ToList();
        return new CaseAuditTrail(@case.Id, @case.CaseNumber, entries, records.Count + 1 > Limit);
    }
}
