using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Appeals;

/// <summary>A guardian who is a party appeals the latest decision from "Mine saker" (fvl. § 32: in writing, what and why).</summary>
public sealed record SubmitAppealCommand(Guid CaseId, string PartyPseudonym, string? Text, IReadOnlyList<UploadedFile> Files) : ICommand<CommandResult>;

public sealed class SubmitAppealValidator : AbstractValidator<SubmitAppealCommand>
{
    public SubmitAppealValidator()
    {
        RuleFor(c => c.Text)
            .Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage(_ => CaseTexts.Get("AppealTextRequired"))
            .Must(text => (text?.Trim().Length ?? 0) <= Appeal.MaxTextLength).WithMessage(_ => CaseTexts.Get("AppealTextTooLong"));
    }
}

public sealed class SubmitAppealHandler(IApplicationDbContext db, INotificationOutbox outbox, IServiceLinks links, IAuditTrail audit, ILetterRenderer letters, IPdfRenderer pdf, TimeProvider clock, IPdfBundler pdfs)
    : ICommandHandler<SubmitAppealCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(SubmitAppealCommand command, CancellationToken cancellationToken)
    {
        if (!await CaseAccess.IsPartyAsync(db, command.CaseId, command.PartyPseudonym, cancellationToken))
        {
            return new Failure.NotFound();
        }

        var text = command.Text!.Trim();
        var now = clock.GetUtcNow();
        var filing = new AppealFiling(db, outbox, links, audit, letters, pdf, pdfs);
        return await filing.FileAsync(
            command.CaseId,
            new CaseActor(command.PartyPseudonym, CaseActorRole.Guardian),
            decision => Appeal.Register(Guid.CreateVersion7(now), command.CaseId, decision.Id, AppealChannel.Online, text, NorwegianTime.Today(now), null, NorwegianTime.Today(decision.IssuedAt!.Value), command.PartyPseudonym, now),
            text,
            command.Files,
            now,
            cancellationToken);
    }
}
