using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>The case as a caseworker of its municipality reads it: the søknad as submitted, documents, journal, events.</summary>
public sealed record GetCaseFileQuery(Guid CaseId, string MunicipalityNumber);

public sealed record CaseFileDocument(Guid DocumentId, CaseDocumentKind Kind, string FileName, long SizeBytes, bool Confidential, string AddedBy, DateTimeOffset AddedAt);

public sealed record CaseFileJournalEntry(DateOnly DocumentDate, JournalEntryKind Kind, string Title, string PublicTitle, bool Confidential, Guid? DocumentId);

public sealed record CaseFileEvent(int Sequence, DateTimeOffset OccurredAt, string ActorId, CaseActorRole ActorRole, CaseTrigger Trigger, CaseState From, CaseState To, string? Reason);

/// <param name="PermittedTriggers">What a caseworker may do from the current state (CaseTransitions).</param>
public sealed record CaseFile(
    Guid CaseId,
    string MunicipalityNumber,
    CaseNumber? CaseNumber,
    CaseState State,
    string? SchoolName,
    ApplicationForm Application,
    DateTimeOffset? SubmittedAt,
    IReadOnlyList<CaseFileDocument> Documents,
    IReadOnlyList<CaseFileJournalEntry> Journal,
    IReadOnlyList<CaseFileEvent> Events,
    IReadOnlyList<CaseTrigger> PermittedTriggers);

public sealed class GetCaseFileHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public Task<CaseFile?> HandleAsync(GetCaseFileQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(db, audit, db.Cases.Where(c => c.MunicipalityNumber == query.MunicipalityNumber), query.CaseId, CaseActorRole.Caseworker, cancellationToken);
    }

    /// <summary>
    /// The case among <paramref name="visible"/> (a municipality's cases, or those forwarded to an appeal body), with the
    /// søknad, documents, journal and events, and what <paramref name="role"/> may do now; the read is audited.
    /// </summary>
    internal static async Task<CaseFile?> ReadAsync(IApplicationDbContext db, IAuditTrail audit, IQueryable<SchoolTransportCase> visible, Guid caseId, CaseActorRole role, CancellationToken cancellationToken)
    {
        var @case = await visible.AsNoTracking().Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == caseId && c.State != CaseState.Draft, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == caseId, cancellationToken)).Content;
        var school = form.Child is null ? null : await db.Schools.AsNoTracking().Where(s => s.Id == form.Child.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        var documents = await db.Documents.AsNoTracking().Where(d => d.CaseId == caseId).OrderBy(d => d.AddedAt).ThenBy(d => d.FileName)
            .Select(d => new CaseFileDocument(d.Id, d.Kind, d.FileName, d.SizeBytes, d.Confidential, d.AddedBy, d.AddedAt))
            .ToListAsync(cancellationToken);
        var journal = await db.JournalEntries.AsNoTracking().Where(j => j.CaseId == caseId).OrderBy(j => j.RegisteredAt)
            .Select(j => new CaseFileJournalEntry(j.DocumentDate, j.Kind, j.Title, j.PublicTitle, j.Confidential, j.DocumentId))
            .ToListAsync(cancellationToken);

        // Every read of a case by staff is audited (issue 5, DESIGN.md §6).
        audit.Record("CaseRead", CaseAccess.AuditObjectType, @case.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new CaseFile(
            @case.Id,
            @case.MunicipalityNumber,
            @case.CaseNumber,
            @case.State,
            school,
            form,
            CaseSubmission.SubmittedAt(@case),
            documents,
            journal,
            @case.Events.OrderBy(e => e.Sequence).Select(e => new CaseFileEvent(e.Sequence, e.OccurredAt, e.ActorId, e.ActorRole, e.Trigger, e.From, e.To, e.Reason)).ToList(),
            @case.PermittedTriggers(role));
    }
}

/// <summary>One document of a case of the caseworker's municipality (internal notes included).</summary>
public sealed record GetCaseDocumentQuery(Guid CaseId, Guid DocumentId, string MunicipalityNumber);

public sealed class GetCaseDocumentHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public async Task<MyDocumentFile?> HandleAsync(GetCaseDocumentQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ofMunicipality = db.Documents.Join(db.Cases.Where(c => c.MunicipalityNumber == query.MunicipalityNumber), d => d.CaseId, c => c.Id, (d, _) => d);
        return await CaseDocumentFiles.ReadAsync(db, audit, ofMunicipality, query.CaseId, query.DocumentId, cancellationToken);
    }
}

/// <summary>
/// A state change a caseworker makes without more content: take the case (StartAssessment, fvl. § 17), or reopen a
/// decided case to change it (ReopenForChange, fvl. § 35; the reason is required by the state machine).
/// </summary>
public sealed record ChangeCaseStateCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, CaseTrigger Trigger, string? Reason);

public sealed class ChangeCaseStateHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The triggers this command offers; the others have their own commands with their content.</summary>
    public static readonly IReadOnlySet<CaseTrigger> Offered = new HashSet<CaseTrigger> { CaseTrigger.StartAssessment, CaseTrigger.ReopenForChange };

    public async Task<ApplicationResult> HandleAsync(ChangeCaseStateCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var @case = await db.Cases.Include(c => c.Events).Include(c => c.Assignments)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber && c.State != CaseState.Draft, cancellationToken);
        if (@case is null || !Offered.Contains(command.Trigger))
        {
            return new ApplicationResult.NotFound();
        }

        var moved = @case.Apply(command.Trigger, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow(), command.Reason);
        if (!moved.Succeeded)
        {
            return moved.ErrorType == CaseTransitionErrorType.BadRequest
                ? ApplicationResult.Invalid.Field(nameof(command.Reason), moved.Reason!)
                : new ApplicationResult.Refused(moved.Reason!);
        }

        // "Ta saken": the case is the caseworker's from now on (the work queue's "mine", no longer "Ikke fordelt").
        if (command.Trigger == CaseTrigger.StartAssessment && Guid.TryParse(command.StaffUserId, out var caseworker))
        {
            var assigned = @case.AssignTo(caseworker, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), clock.GetUtcNow());
            if (!assigned.Succeeded)
            {
                return new ApplicationResult.Refused(assigned.Reason!);
            }

            if (assigned.Assignment is not null)
            {
                audit.Record("CaseAssigned", CaseAccess.AuditObjectType, @case.Id.ToString());
            }
        }

        audit.Record("Case" + command.Trigger, CaseAccess.AuditObjectType, @case.Id.ToString());
        return await ApplicationAccess.SaveOrConflictAsync(db, @case.Id, cancellationToken);
    }
}
