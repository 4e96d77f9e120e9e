using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>A caseworker registers an appeal that came on paper or by e-mail, with the dates that decide whether it is late.</summary>
/// <param name="NoticeReceivedOn">
/// When the decision reached the party. Left out, the deadline is counted from the day the letter was made available to
/// the guardians in Mine saker (digital notice: the day it was issued, when it was put there and they were told).
/// </param>
/// <param name="PostedOn">The postmark of a paper appeal, if known (fvl. § 30: posted in time is in time).</param>
public sealed record RegisterAppealCommand(Guid CaseId, string MunicipalityNumber, string StaffUserId, AppealChannel Channel, DateOnly ReceivedOn, DateOnly? PostedOn, DateOnly? NoticeReceivedOn, string? Text, UploadedFile? ScannedLetter)
    : ICommand<CommandResult>;

/// <summary>A paper or e-mail appeal has a text or a scan, a day received that is no later than today, and a channel that is not online.</summary>
public sealed class RegisterAppealValidator : AbstractValidator<RegisterAppealCommand>
{
    public RegisterAppealValidator(TimeProvider clock)
    {
        RuleFor(c => c.Text)
            .Must((command, text) => !string.IsNullOrWhiteSpace(text) || command.ScannedLetter is not null).WithMessage(_ => CaseTexts.Get("AppealPaperRequired"))
            .Must(text => (text?.Trim().Length ?? 0) <= Appeal.MaxTextLength).WithMessage(_ => CaseTexts.Get("AppealTextTooLong"));
        RuleFor(c => c.ReceivedOn)
            .Must(received => received <= NorwegianTime.Today(clock.GetUtcNow()) && received.Year >= 2000).WithMessage(_ => CaseTexts.Get("AppealDateInvalid"));
        RuleFor(c => c.Channel)
            .Must(channel => channel != AppealChannel.Online && Enum.IsDefined(channel)).WithMessage(_ => CaseTexts.Get("AppealDateInvalid"));
    }
}

public sealed class RegisterAppealHandler(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, TimeProvider clock, IPdfBundler pdfs)
    : ICommandHandler<RegisterAppealCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(RegisterAppealCommand command, CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == command.CaseId && c.MunicipalityNumber == command.MunicipalityNumber, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var now = clock.GetUtcNow();
        var text = command.Text?.Trim() ?? string.Empty;
        var filing = new AppealFiling(db, outbox, links, audit, letters, pdf, pdfs);
        return await filing.FileAsync(
            command.CaseId,
            new CaseActor(command.StaffUserId, CaseActorRole.Caseworker),
            decision =>
            {
                var notice = command.NoticeReceivedOn ?? NorwegianTime.Today(decision.IssuedAt!.Value);
                return notice > command.ReceivedOn || command.PostedOn > command.ReceivedOn
                    ? null
                    : Appeal.Register(Guid.CreateVersion7(now), command.CaseId, decision.Id, command.Channel, text, command.ReceivedOn, command.PostedOn, notice, command.StaffUserId, now);
            },
            text,
            command.ScannedLetter is null ? [] : [command.ScannedLetter],
            now,
            cancellationToken);
    }
}
