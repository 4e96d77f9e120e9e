using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.InformationRequests;

/// <summary>
/// The guardians did not answer a request for information (fvl. § 17) by its reply deadline: the caseworker resumes the
/// case on what it holds (AwaitingInformation → InAssessment, the event's reason saying the deadline passed unanswered).
/// Refused before the deadline has passed — until then the guardians may still answer.
/// </summary>
/// <param name="MunicipalityNumber">The caseworker's municipality (from the sign-in); another municipality's case is not found.</param>
public sealed record ResumeAfterReplyDeadlineCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId) : ICommand<CommandResult>;

public sealed class ResumeAfterReplyDeadlineHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<ResumeAfterReplyDeadlineCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(ResumeAfterReplyDeadlineCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.Include(c => c.Events)
            .SingleOrDefaultAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber && c.State != CaseState.Draft, cancellationToken);
        if (@case is null)
        {
            return new Failure.NotFound();
        }

        var open = await db.InformationRequests.AsNoTracking()
            .Where(r => r.CaseId == command.CaseId && r.Answer == null)
            .OrderByDescending(r => r.RequestedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (@case.State != CaseState.AwaitingInformation || open is null)
        {
            return new Failure.Refused(CaseTexts.Get("InformationResumeNotAwaiting"));
        }

        var deadline = open.ReplyBy.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        if (NorwegianTime.Today(now) <= open.ReplyBy)
        {
            return new Failure.Refused(CaseTexts.FormatCurrent("InformationResumeBeforeDeadline", deadline));
        }

        var moved = @case.Apply(CaseTrigger.InformationReceived, new CaseActor(command.StaffUserId, CaseActorRole.Caseworker), now, $"Svarfrist {deadline} ute uten svar: saksbehandler gjenopptar saken");
        if (!moved.Succeeded)
        {
            return new Failure.Refused(moved.Reason!);
        }

        audit.Record("CaseResumedAfterReplyDeadline", CaseAccess.AuditObjectType, @case.Id.ToString());
        if (await CaseAccess.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return CommandResult.Ok;
    }
}
