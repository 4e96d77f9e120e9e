using FluentValidation;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Adds a row at the end of a draft's table, with a new stable id such as "melhus/T1-19".</summary>
public sealed record AddRuleCommand(
    string MunicipalityNumber,
    int Version,
    string? RuleId,
    string? Text,
    string? Note,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? Conditions);

public sealed class AddRuleValidator : AbstractValidator<AddRuleCommand>
{
    public AddRuleValidator()
    {
        RuleFor(c => c.RuleId).NotEmpty().WithMessage(_ => AdminTexts.Get("RuleIdRequired"))
            .Matches(RuleLimits.IdPattern).WithMessage(_ => AdminTexts.Get("RuleIdFormat"));
        RuleFor(c => c.Text).NotEmpty().WithMessage(_ => AdminTexts.Get("RuleTextRequired"))
            .MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
        RuleFor(c => c.Note).MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
        RuleFor(c => c.Conditions).NotEmpty().WithMessage(_ => AdminTexts.Get("ConditionsRequired"))
            .MaximumLength(RuleLimits.ConditionsLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.ConditionsLength));
    }
}

public sealed class AddRuleHandler(IApplicationDbContext db, IAuditTrail audit, IValidator<AddRuleCommand> validator)
{
    public async Task<RulebookCommandResult> HandleAsync(AddRuleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = await validator.ValidateAsync(command, cancellationToken);
        var errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        var id = command.RuleId?.Trim() ?? string.Empty;
        return await RulebookAdmin.ChangeDraftAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
        {
            if (document.Rules.Any(r => r.Id == id))
            {
                errors[nameof(AddRuleCommand.RuleId)] = [AdminTexts.Format("RuleIdTaken", id)];
            }

            var row = RuleLimits.ReadRow(command.Outcomes, command.Conditions, document.GradeBands, errors);
            if (errors.Count > 0 || row is not { } read)
            {
                return DraftChange.Invalid(errors);
            }

            var added = new RuleDocument
            {
                Id = id,
                Text = command.Text!.Trim(),
                Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
                When = read.When,
                Outcomes = read.Outcomes,
            };
            return DraftChange.To(document with { Rules = [.. document.Rules, added] });
        }, "RulebookRuleAdded", id, cancellationToken);
    }
}
