using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Documents;

namespace SkoleskyssSak.Application.Features.Casework;

/// <summary>The case as a caseworker of its municipality reads it: the søknad as submitted, documents, journal, events.</summary>
public sealed record GetCaseFileQuery(Guid CaseId, string MunicipalityNumber) : IQuery<CaseFile?>, ICaseRead
{
    // Every read of a case by staff is audited (issue 5, DESIGN.md §6).
    public string ReadAction => "CaseRead";
}

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

public sealed class GetCaseFileHandler(IApplicationDbContext db) : IQueryHandler<GetCaseFileQuery, CaseFile?>
{
    public async ValueTask<CaseFile?> Handle(GetCaseFileQuery query, CancellationToken cancellationToken) =>
        await CaseFileReading.ReadAsync(db, db.Cases.Where(c => c.MunicipalityNumber == query.MunicipalityNumber), query.CaseId, CaseActorRole.Caseworker, cancellationToken);
}
