using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Takes a row out of a draft.</summary>
public sealed record RemoveRuleCommand(string MunicipalityNumber, int Version, string RuleId) : ICommand<CommandResult>;

public sealed class RemoveRuleHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<RemoveRuleCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(RemoveRuleCommand command, CancellationToken cancellationToken) =>
        await RulebookDrafts.ChangeAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
            document.Rules.Any(r => r.Id == command.RuleId)
                ? DraftChange.To(document with { Rules = document.Rules.Where(r => r.Id != command.RuleId).ToList() })
                : DraftChange.Fail(new Failure.NotFound()),
            "RulebookRuleRemoved",
            command.RuleId,
            cancellationToken);
}
