using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Takes a row out of a draft.</summary>
public sealed record RemoveRuleCommand(string MunicipalityNumber, int Version, string RuleId);

public sealed class RemoveRuleHandler(IApplicationDbContext db, IAuditTrail audit)
{
    public Task<RulebookCommandResult> HandleAsync(RemoveRuleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RulebookAdmin.ChangeDraftAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
            document.Rules.Any(r => r.Id == command.RuleId)
                ? DraftChange.To(document with { Rules = document.Rules.Where(r => r.Id != command.RuleId).ToList() })
                : DraftChange.Fail(new RulebookCommandResult.NotFound()),
            "RulebookRuleRemoved",
            command.RuleId,
            cancellationToken);
    }
}
